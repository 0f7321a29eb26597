#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/row_set.h"

namespace deltalabs {

// The row a statement is on while Connection::query_each visits it: columns
// read in place, without copying them out of the driver. Everything it
// returns is valid until the visitor returns.
class RowReader {
 public:
  virtual ~RowReader() = default;

  // True when column i is NULL.
  virtual bool is_null(std::size_t i) const = 0;
  // Column i as text ("" for NULL; numbers are formatted).
  virtual std::string_view text(std::size_t i) const = 0;
  // Column i as an integer (0 for NULL).
  virtual std::int64_t integer(std::size_t i) const = 0;
};

// A RowReader over a row already read into a RowSet: what query_each hands
// out on drivers that read whole results.
class RowSetReader final : public RowReader {
 public:
  // Reads `row`, which must outlive this reader.
  explicit RowSetReader(const Row& row) : row_(row) {}

  bool is_null(std::size_t i) const override { return row_.is_null(i); }
  std::string_view text(std::size_t i) const override;
  std::int64_t integer(std::size_t i) const override { return row_.integer(i); }

 private:
  const Row& row_;
  mutable std::vector<std::string> formatted_;  // text of the non-text columns asked for, if any
};

}  // namespace deltalabs
