#pragma once

#include "core/actor.h"
#include "core/result.h"
#include "engagement/community_membership.h"
#include "engagement/model.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// Votes on questions and answers: members of the target's course vote +1
// or -1, once per target; voting again with the other value flips the vote
// and with the same value changes nothing. The target's vote_total changes
// in the vote's transaction by the difference to the old value, read under
// the target's row lock, so it always equals the sum of the votes table.
class VoteService {
 public:
  VoteService(Database& db, const CommunityMembership& membership)
      : db_(db), membership_(membership) {}

  // Sets the actor's vote on the target to `value` (1 or -1).
  Result<VoteResult> vote(const Actor& actor, const VoteTarget& target, int value);
  // Withdraws the actor's vote, if any (value 0 afterwards).
  Result<VoteResult> withdraw(const Actor& actor, const VoteTarget& target);

 private:
  Result<VoteResult> change(const Actor& actor, const VoteTarget& target, int value);

  Database& db_;
  const CommunityMembership& membership_;
};

}  // namespace deltalabs::engagement
