#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs {

// Inserts many rows into one table with multi-row `INSERT ... VALUES (...), (...)`
// statements on one connection. On PostgreSQL a batch is one round trip
// instead of one per row; on SQLite, which runs in-process, a batch of one
// row is the fastest (measured in docs/benchmarks.md). The full-batch
// statement text never changes, so the connection prepares it once. Run it
// inside a transaction; call flush() before committing.
class BulkInserter {
 public:
  // `target` is "table (col1, col2, ...)" with `columns` columns;
  // `rows_per_statement` rows go into each full batch.
  BulkInserter(Connection& connection, std::string_view target, std::size_t columns,
               std::size_t rows_per_statement);

  // Adds one row (exactly `columns` values, in column order); runs a statement
  // when the batch is full.
  template <class... Args>
  Status row(Args&&... values) {
    static_assert(sizeof...(Args) > 0);
    (pending_.add(std::forward<Args>(values)), ...);
    if (++pending_rows_ == rows_per_statement_) return flush();
    return {};
  }
  // Declares that rows of this table point at rows of `parent` (a foreign
  // key): this one's batches then send the parent's pending rows first.
  void references(BulkInserter& parent) { parent_ = &parent; }
  // Inserts the rows still pending (after the parent's, if any).
  Status flush();
  // Rows handed to the database so far.
  std::int64_t inserted() const { return inserted_; }

 private:
  // The statement for `rows` rows.
  std::string statement(std::size_t rows) const;

  Connection& connection_;
  BulkInserter* parent_ = nullptr;
  std::string target_;
  std::size_t columns_;
  std::size_t rows_per_statement_;
  std::string full_batch_sql_;
  Params pending_;
  std::size_t pending_rows_ = 0;
  std::int64_t inserted_ = 0;
};

}  // namespace deltalabs
