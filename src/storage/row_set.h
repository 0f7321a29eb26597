#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/value.h"

namespace deltalabs {

// One row of a RowSet; typed getters convert leniently across backends
// (SQLite has no boolean, PostgreSQL returns bigint counts).
class Row {
 public:
  Row(const std::vector<std::string>* columns, const std::vector<Value>* values)
      : columns_(columns), values_(values) {}

  // True when column i is NULL.
  bool is_null(std::size_t i) const;
  // Column i as text ("" for NULL; numbers are formatted).
  std::string text(std::size_t i) const;
  // Column i as an integer (0 for NULL).
  std::int64_t integer(std::size_t i) const;
  // Column i as a real (0 for NULL).
  double real(std::size_t i) const;
  // Column i as a boolean (false for NULL; non-zero integers are true).
  bool boolean(std::size_t i) const;
  // Column i as text, or nullopt for NULL.
  std::optional<std::string> optional_text(std::size_t i) const;
  // Column i as an integer, or nullopt for NULL.
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  // The raw value of column i.
  const Value& value(std::size_t i) const { return (*values_)[i]; }
  // The index of a named column; throws std::out_of_range when absent (a programming error).
  std::size_t index(std::string_view column) const;
  // Column count.
  std::size_t size() const { return values_->size(); }

 private:
  const std::vector<std::string>* columns_;
  const std::vector<Value>* values_;
};

// The rows a query returned, fully read into memory.
class RowSet {
 public:
  RowSet() : columns_(std::make_shared<const std::vector<std::string>>()) {}
  explicit RowSet(std::vector<std::string> columns)
      : columns_(std::make_shared<const std::vector<std::string>>(std::move(columns))) {}
  // Shares the column names of a prepared statement across its results.
  explicit RowSet(std::shared_ptr<const std::vector<std::string>> columns)
      : columns_(std::move(columns)) {}

  // Appends a row; its size must match the column count.
  void add_row(std::vector<Value> row) { rows_.push_back(std::move(row)); }
  // Number of rows.
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  // Row i.
  Row operator[](std::size_t i) const { return Row(columns_.get(), &rows_[i]); }
  // Column names in order.
  const std::vector<std::string>& columns() const { return *columns_; }

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<std::vector<Value>> rows_;
};

}  // namespace deltalabs
