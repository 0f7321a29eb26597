#include "engagement/vote_service.h"

#include "core/uuid.h"
#include "engagement/vote_repository.h"

namespace deltalabs::engagement {

Result<VoteResult> VoteService::vote(const Actor& actor, const VoteTarget& target, int value) {
  if (value != 1 && value != -1)
    return Error::invalid("The request body is not valid.", {{"value", "must be 1 or -1"}});
  return change(actor, target, value);
}

Result<VoteResult> VoteService::withdraw(const Actor& actor, const VoteTarget& target) {
  return change(actor, target, 0);
}

// value 0 removes the vote.
Result<VoteResult> VoteService::change(const Actor& actor, const VoteTarget& raw, int value) {
  const VoteTarget target{raw.type, canonical_id(raw.id)};
  return db_.transaction([&](Connection& c) -> Result<VoteResult> {
    DL_ASSIGN_OR_RETURN(std::string course_id, VoteRepository::course_of(c, target));
    DL_TRY(membership_.require_member(c, actor, course_id));
    DL_TRY(VoteRepository::lock_target(c, target));
    DL_ASSIGN_OR_RETURN(std::optional<int> old, VoteRepository::find(c, actor.user_id, target));
    if (value == 0) {
      if (old) DL_TRY(VoteRepository::remove(c, actor.user_id, target));
    } else if (old != value) {
      DL_TRY(VoteRepository::write(c, actor.user_id, target, value, old.has_value()));
    }
    DL_ASSIGN_OR_RETURN(std::int64_t total,
                        VoteRepository::add_to_total(c, target, value - old.value_or(0)));
    return VoteResult{target.type, target.id, value, total};
  });
}

}  // namespace deltalabs::engagement
