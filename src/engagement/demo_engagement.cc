#include "engagement/demo_engagement.h"

#include "core/clock.h"

namespace deltalabs::engagement {

namespace {

Actor as(const std::string& user_id) {
  Actor actor;
  actor.user_id = user_id;
  actor.request_id = "seed-demo";
  return actor;
}

// The course every demo learner attends: the one the last of them joined.
Result<std::string> shared_course(learning::LearningModule& learning, const DemoCast& cast) {
  DL_ASSIGN_OR_RETURN(auto mine, learning.enrollments().list_mine(
                                     as(cast.learners.back()), std::nullopt, PageRequest{1, ""}));
  if (mine.items.empty())
    return Error::conflict("DEMO_NOT_LOADED", "The demo learners hold no enrollments yet.");
  return mine.items.front().course_id;
}

Status questions(EngagementModule& e, const DemoCast& cast, const std::string& course_id) {
  const Actor asker = as(cast.learners[0]);
  const Actor helper = as(cast.learners[1]);
  const Actor other = as(cast.learners[2]);
  DL_ASSIGN_OR_RETURN(Question q,
                      e.questions().ask(asker, course_id,
                                        {"Why does my loop run one time too many?",
                                         "I wrote `for (i = 0; i <= n; i++)` over an array of n "
                                         "items and the last step reads garbage. What is wrong?"}));
  DL_ASSIGN_OR_RETURN(
      Answer good,
      e.questions().answer(helper, q.id,
                           "Arrays are indexed 0..n-1: use `i < n`, not `i <= n`. With `<=` the "
                           "last step reads one past the end."));
  DL_TRY(e.questions().answer(other, q.id, "Print i in the loop and you will see it reach n."));
  DL_TRY(e.questions().accept(asker, good.id));
  DL_TRY(e.votes().vote(helper, {"question", q.id}, 1));
  DL_TRY(e.votes().vote(other, {"question", q.id}, 1));
  DL_TRY(e.votes().vote(asker, {"answer", good.id}, 1));
  DL_TRY(e.votes().vote(other, {"answer", good.id}, 1));
  DL_TRY(e.questions().ask(other, course_id,
                           {"Is there a recording of the first session?",
                            "I missed it; is it somewhere in the course materials?"}));
  return {};
}

Status discussion(EngagementModule& e, const DemoCast& cast, const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(
      DiscussionThread t,
      e.threads().start(as(cast.learners[2]), course_id,
                        {"Study group on Thursdays?",
                         "Anyone up for working through the exercises together, online?"}));
  DL_TRY(e.threads().reply(as(cast.learners[0]), t.id, "Count me in: 18:00 UTC works for me."));
  DL_TRY(e.threads().reply(as(cast.learners[1]), t.id, "Same here. I can host the call."));
  return {};
}

// Organized by whoever of the demo staff may (the course's instructor, else the admin).
Status event(EngagementModule& e, const DemoCast& cast, const std::string& course_id) {
  EventInput input{"Live Q&A with the instructor",
                   "Bring your questions about the first two sections.",
                   "Online (link in the course)",
                   2,
                   format_rfc3339(now() + std::chrono::hours(24 * 7)),
                   format_rfc3339(now() + std::chrono::hours(24 * 7 + 1))};
  Result<CommunityEvent> created = Error::forbidden();
  for (const auto* organizer : {&cast.instructor, &cast.instructor2, &cast.admin}) {
    created = e.events().create(as(*organizer), course_id, input);
    if (created.ok() || created.error().kind != ErrorKind::kForbidden) break;
  }
  if (!created.ok()) return std::move(created).error();
  // Two seats: the third learner waits at position 1.
  for (const auto& learner : cast.learners)
    DL_TRY(e.events().rsvp(as(learner), created->id, "going"));
  return {};
}

}  // namespace

Status DemoEngagement::load(learning::LearningModule& learning, EngagementModule& engagement,
                            const DemoCast& cast) {
  if (cast.learners.size() < 3)
    return Error::bad_request("DEMO_CAST", "The demo community needs three learners.");
  DL_ASSIGN_OR_RETURN(std::string course_id, shared_course(learning, cast));
  DL_ASSIGN_OR_RETURN(auto existing,
                      engagement.questions().list(as(cast.learners[0]), course_id, {1, ""}));
  if (!existing.items.empty()) return {};
  DL_TRY(questions(engagement, cast, course_id));
  DL_TRY(discussion(engagement, cast, course_id));
  return event(engagement, cast, course_id);
}

}  // namespace deltalabs::engagement
