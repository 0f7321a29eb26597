#include "engagement/vote_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

namespace {

bool on_question(const VoteTarget& target) { return target.type == "question"; }

}  // namespace

Result<std::string> VoteRepository::course_of(Connection& c, const VoteTarget& target) {
  if (!is_uuid(target.id)) return Error::not_found(target.type);
  DL_ASSIGN_OR_RETURN(
      RowSet rows,
      c.query(on_question(target) ? sql::kQuestionCourse : sql::kAnswerCourse, {target.id}));
  if (rows.empty()) return Error::not_found(target.type);
  return rows[0].text(0);
}

Status VoteRepository::lock_target(Connection& c, const VoteTarget& target) {
  DL_ASSIGN_OR_RETURN(
      std::int64_t locked,
      c.execute(on_question(target) ? sql::kLockQuestion : sql::kLockAnswer, {target.id}));
  if (locked == 0) return Error::not_found(target.type);
  return {};
}

Result<std::optional<int>> VoteRepository::find(Connection& c, const std::string& user_id,
                                                const VoteTarget& target) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectVote, {user_id, target.type, target.id}));
  if (rows.empty()) return std::optional<int>{};
  return std::optional<int>{static_cast<int>(rows[0].integer(0))};
}

Status VoteRepository::write(Connection& c, const std::string& user_id, const VoteTarget& target,
                             int value, bool exists) {
  const std::string at = format_rfc3339(now());
  if (exists) {
    DL_TRY(c.execute(sql::kUpdateVote, {user_id, target.type, target.id, value, at}));
    return {};
  }
  std::optional<std::string> question_id;
  std::optional<std::string> answer_id;
  (on_question(target) ? question_id : answer_id) = target.id;
  DL_TRY(c.execute(sql::kInsertVote,
                   {new_uuid_v7(), user_id, target.type, question_id, answer_id, value, at}));
  return {};
}

Status VoteRepository::remove(Connection& c, const std::string& user_id, const VoteTarget& target) {
  DL_TRY(c.execute(sql::kDeleteVote, {user_id, target.type, target.id}));
  return {};
}

Result<std::int64_t> VoteRepository::add_to_total(Connection& c, const VoteTarget& target,
                                                  std::int64_t delta) {
  if (delta != 0) {
    DL_TRY(c.execute(on_question(target) ? sql::kAddToQuestionTotal : sql::kAddToAnswerTotal,
                     {target.id, delta}));
  }
  DL_ASSIGN_OR_RETURN(
      RowSet rows,
      c.query(on_question(target) ? sql::kQuestionTotal : sql::kAnswerTotal, {target.id}));
  return rows[0].integer(0);
}

}  // namespace deltalabs::engagement
