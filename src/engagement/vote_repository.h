#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "engagement/model.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// Rows of votes and the totals they add up to on questions and answers.
// Every change runs inside one transaction that first locks the target
// (lock_target), so the old value read and the total written agree.
class VoteRepository {
 public:
  // The course the target belongs to; 404 QUESTION_NOT_FOUND / ANSWER_NOT_FOUND when absent.
  static Result<std::string> course_of(Connection& c, const VoteTarget& target);
  // Locks the target's row for the rest of the transaction.
  static Status lock_target(Connection& c, const VoteTarget& target);
  // The user's current vote on the target, if any.
  static Result<std::optional<int>> find(Connection& c, const std::string& user_id,
                                         const VoteTarget& target);
  // Inserts or changes the user's vote (the caller knows which from find()).
  static Status write(Connection& c, const std::string& user_id, const VoteTarget& target,
                      int value, bool exists);
  // Removes the user's vote.
  static Status remove(Connection& c, const std::string& user_id, const VoteTarget& target);
  // Adds `delta` to the target's stored total and returns the new total.
  static Result<std::int64_t> add_to_total(Connection& c, const VoteTarget& target,
                                           std::int64_t delta);
};

}  // namespace deltalabs::engagement
