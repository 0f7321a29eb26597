#include "storage/bulk_inserter.h"

namespace deltalabs {

BulkInserter::BulkInserter(Connection& connection, std::string_view target, std::size_t columns,
                           std::size_t rows_per_statement)
    : connection_(connection),
      target_(target),
      columns_(columns),
      rows_per_statement_(rows_per_statement == 0 ? 1 : rows_per_statement),
      full_batch_sql_(statement(rows_per_statement_)) {}

std::string BulkInserter::statement(std::size_t rows) const {
  std::string sql = "INSERT INTO " + target_ + " VALUES ";
  sql.reserve(sql.size() + rows * columns_ * 7);
  std::size_t number = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < columns_; ++c, ++number) {
      if (c != 0) sql += ", ";
      sql += '$';
      sql += std::to_string(number);
    }
    sql += ')';
  }
  return sql;
}

Status BulkInserter::flush() {
  if (pending_rows_ == 0) return {};
  if (parent_ != nullptr) DL_TRY(parent_->flush());
  const std::size_t rows = pending_rows_;
  // A short last batch gets its own statement text; it runs once.
  auto done = rows == rows_per_statement_ ? connection_.execute(full_batch_sql_, pending_)
                                          : connection_.execute(statement(rows), pending_);
  pending_ = Params();
  pending_rows_ = 0;
  if (!done.ok()) return std::move(done).error();
  inserted_ += static_cast<std::int64_t>(rows);
  return {};
}

}  // namespace deltalabs
