#pragma once

#include <functional>
#include <optional>

#include "storage/database.h"
#include "storage/postgres_pipeline.h"

namespace deltalabs {

// The connection PostgresDatabase::read() lends when it pipelines reads
// (decision 0031): query() and query_each() run in a shared pipeline's next
// batch; execute() and execute_script(), and anything after them, run on a
// pooled connection borrowed at the first of them, so a lease that writes
// or changes its session keeps one connection as before.
class PipelinedReads final : public Connection {
 public:
  // `borrow` lends a pooled connection when one is needed.
  PipelinedReads(PostgresPipeline& pipeline, std::function<Result<ConnectionLease>()> borrow)
      : pipeline_(pipeline), borrow_(std::move(borrow)) {}

  Result<RowSet> query(std::string_view sql, const Params& params) override;
  Status query_each(std::string_view sql, const Params& params,
                    const std::function<void(const RowReader&)>& visit) override;
  Result<std::int64_t> execute(std::string_view sql, const Params& params) override;
  Status execute_script(std::string_view sql) override;
  Dialect dialect() const override { return Dialect::kPostgres; }

 private:
  // The pooled connection, borrowed at the first call that needs one.
  Result<Connection*> own_connection();

  PostgresPipeline& pipeline_;
  std::function<Result<ConnectionLease>()> borrow_;
  std::optional<ConnectionLease> own_;
};

}  // namespace deltalabs
