#include "learning/demo_learning.h"

#include <array>

namespace deltalabs::learning {

namespace {

// What each demo learner does: how many free courses to join, and how many
// items of the first one to complete (a large number finishes it).
struct Plan {
  int courses;
  int items_done;
};
constexpr std::array<Plan, 3> kPlans = {{{3, 1000}, {2, 2}, {1, 1}}};

Actor as(const std::string& user_id) {
  Actor actor;
  actor.user_id = user_id;
  actor.request_id = "seed-demo";
  return actor;
}

bool expected_conflict(const Error& e) {
  return e.code == "ALREADY_ENROLLED" || e.code == "COURSE_FULL" || e.code == "ALREADY_IN_WISHLIST";
}

Result<std::vector<catalog::Course>> published(catalog::CatalogModule& catalog, bool free) {
  catalog::CourseQuery query;
  query.free = free;
  DL_ASSIGN_OR_RETURN(auto page, catalog.courses().list(query, PageRequest{20, ""}));
  return page.items;
}

// Completes up to `count` items of the course, in order.
Status work_through(content::ContentModule& content, LearningModule& learning, const Actor& actor,
                    const Enrollment& e, int count) {
  DL_ASSIGN_OR_RETURN(auto sections, content.sections().list(actor, e.course_id, {100, ""}));
  for (const auto& section : sections.items) {
    DL_ASSIGN_OR_RETURN(auto items, content.items().list(actor, section.id, {100, ""}));
    for (const auto& item : items.items) {
      if (count-- <= 0) return {};
      DL_TRY(learning.progress().update(actor, e.id, item.id, "completed"));
    }
  }
  return {};
}

}  // namespace

Status DemoLearning::load(catalog::CatalogModule& catalog, content::ContentModule& content,
                          LearningModule& learning, const std::vector<std::string>& learner_ids) {
  DL_ASSIGN_OR_RETURN(auto free_courses, published(catalog, true));
  DL_ASSIGN_OR_RETURN(auto paid_courses, published(catalog, false));
  for (std::size_t n = 0; n < learner_ids.size() && n < kPlans.size(); ++n) {
    const Actor actor = as(learner_ids[n]);
    const Plan plan = kPlans[n];
    for (int i = 0; i < plan.courses && i < static_cast<int>(free_courses.size()); ++i) {
      EnrollmentRequest request;
      request.course_id = free_courses[(n + i) % free_courses.size()].id;
      auto e = learning.enrollments().enroll(actor, request);
      if (!e.ok() && expected_conflict(e.error())) continue;
      if (!e.ok()) return std::move(e).error();
      if (i == 0) DL_TRY(work_through(content, learning, actor, *e, plan.items_done));
    }
    if (!paid_courses.empty()) {
      auto wished = learning.wishlist().add(actor, paid_courses[n % paid_courses.size()].id);
      if (!wished.ok() && !expected_conflict(wished.error())) return std::move(wished).error();
    }
  }
  return {};
}

}  // namespace deltalabs::learning
