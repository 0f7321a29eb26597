#include "content/ordered_positions.h"

#include <algorithm>

namespace deltalabs::content {

Status OrderedPositions::move(Connection& c, const std::string& parent_id,
                              const std::string& child_id, std::int64_t from,
                              std::int64_t to) const {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql_.count, {parent_id}));
  const std::int64_t target = std::clamp<std::int64_t>(to, 1, rows[0].integer(0));
  if (target == from) return {};
  const std::int64_t lo = std::min(target, from);
  const std::int64_t hi = std::max(target, from);
  const std::int64_t shift = target > from ? -1 : 1;
  DL_TRY(c.execute(sql_.negate_range, {parent_id, lo, hi}));
  DL_TRY(c.execute(sql_.place_range, {parent_id, child_id, target, shift}));
  return {};
}

Status OrderedPositions::close_gap(Connection& c, const std::string& parent_id,
                                   std::int64_t position) const {
  DL_TRY(c.execute(sql_.negate_after, {parent_id, position}));
  DL_TRY(c.execute(sql_.close_gap, {parent_id}));
  return {};
}

}  // namespace deltalabs::content
