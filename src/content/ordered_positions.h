#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::content {

// Keeps the children of a parent (sections of a course, items of a section)
// at positions 1..n while one of them moves or leaves. Every step first
// negates the affected range, so UNIQUE (parent, position) holds after each
// single-row change on both backends.
class OrderedPositions {
 public:
  // The statements of one ordered table; $1 is always the parent id.
  struct Statements {
    const char* count;         // ($1) -> number of children
    const char* negate_range;  // ($1, lo, hi)
    const char* place_range;   // ($1, moved id, its new position, shift of the others)
    const char* negate_after;  // ($1, removed position)
    const char* close_gap;     // ($1)
  };

  explicit OrderedPositions(Statements statements) : sql_(statements) {}

  // Moves the child at `from` to `to` (clamped to 1..n), shifting those between.
  Status move(Connection& c, const std::string& parent_id, const std::string& child_id,
              std::int64_t from, std::int64_t to) const;
  // Closes the gap a child removed from `position` left behind.
  Status close_gap(Connection& c, const std::string& parent_id, std::int64_t position) const;

 private:
  Statements sql_;
};

}  // namespace deltalabs::content
