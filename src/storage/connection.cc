#include "storage/connection.h"

namespace deltalabs {

Status Connection::query_each(std::string_view sql, const Params& params,
                              const std::function<void(const RowReader&)>& visit) {
  DL_ASSIGN_OR_RETURN(RowSet rows, query(sql, params));
  for (std::size_t i = 0; i < rows.size(); ++i) visit(RowSetReader(rows[i]));
  return {};
}

}  // namespace deltalabs
