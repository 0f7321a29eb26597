#include "storage/pipelined_reads.h"

namespace deltalabs {

Result<RowSet> PipelinedReads::query(std::string_view sql, const Params& params) {
  if (own_) return (*own_)->query(sql, params);
  DL_ASSIGN_OR_RETURN(PgResultPtr res, pipeline_.run(sql, params));
  return pg_rows(res.get());
}

Status PipelinedReads::query_each(std::string_view sql, const Params& params,
                                  const std::function<void(const RowReader&)>& visit) {
  if (own_) return (*own_)->query_each(sql, params, visit);
  DL_ASSIGN_OR_RETURN(PgResultPtr res, pipeline_.run(sql, params));
  pg_visit_rows(res.get(), visit);
  return {};
}

Result<std::int64_t> PipelinedReads::execute(std::string_view sql, const Params& params) {
  DL_ASSIGN_OR_RETURN(Connection * conn, own_connection());
  return conn->execute(sql, params);
}

Status PipelinedReads::execute_script(std::string_view sql) {
  DL_ASSIGN_OR_RETURN(Connection * conn, own_connection());
  return conn->execute_script(sql);
}

Result<Connection*> PipelinedReads::own_connection() {
  if (!own_) {
    DL_ASSIGN_OR_RETURN(ConnectionLease lease, borrow_());
    own_.emplace(std::move(lease));
  }
  return &**own_;
}

}  // namespace deltalabs
