#include "assessment/model.h"

namespace deltalabs::assessment {

std::int64_t Exercise::max_score() const {
  std::int64_t total = 0;
  for (const auto& q : questions) total += q.points;
  return total;
}

bool Exercise::past_due(TimePoint at) const {
  if (!due_at) return false;
  const auto due = parse_rfc3339(*due_at);
  return due && at >= *due;
}

void Exercise::hide_keys() {
  for (auto& q : questions) q.key.reset();
}

}  // namespace deltalabs::assessment
