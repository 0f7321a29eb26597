#pragma once

#include <functional>
#include <string>
#include <vector>

#include "catalog/course_search_index.h"
#include "catalog/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::catalog {

// Tells whether a course has at least one section with at least one item;
// provided by the content domain, asked inside the publish transaction.
using ContentCheck = std::function<Result<bool>(Connection&, const std::string& course_id)>;

// Tells whether a user is a member of a course (holds an enrollment that is
// not cancelled); provided by the learning domain, asked for archived courses.
using MemberCheck = std::function<Result<bool>(Connection&, const std::string& user_id,
                                               const std::string& course_id)>;

// What catalog asks of the domains built on it, handed in by the composition
// root (app/) because those domains depend on catalog, not it on them.
struct CourseChecks {
  ContentCheck has_content;  // publishing needs content
  MemberCheck is_member;     // archived courses stay readable to their members
};

// Courses and their lifecycle (draft -> published -> archived, see
// kTransitions in the .cc). Who may do what:
//  - anyone reads published courses; archived ones are not listed and stay
//    readable to their members (enrolled learners) and editors only;
//  - a draft is visible only to its instructors and holders of courses:update
//    (404 to everyone else, so its existence does not leak);
//  - holders of courses:create create courses; the course's instructors and
//    holders of courses:update edit it (403 otherwise); publishing also admits
//    courses:publish and archiving (DELETE) courses:delete.
// Other domains reach courses only through this class.
class CourseService {
 public:
  CourseService(Database& db, const identity::AuthorizationService& authz, CourseChecks checks)
      : db_(db), authz_(authz), checks_(std::move(checks)) {}

  // A page of the public catalog.
  Result<Page<Course>> list(const CourseQuery& query, const PageRequest& page);
  // The same page handed to `item` course by course, each valid during the
  // call (written out as it is read); returns the position after the last
  // one when more remain.
  Result<std::optional<std::string>> each(const CourseQuery& query, const PageRequest& page,
                                          const std::function<void(const Course&)>& item);
  // One course the actor may see; 404 COURSE_NOT_FOUND otherwise.
  Result<Course> get(const Actor& actor, const std::string& id);
  // Creates a draft (courses:create); instructors default to the actor's own profile.
  Result<Course> create(const Actor& actor, CourseInput input);
  // Changes a course (its instructors or courses:update).
  Result<Course> update(const Actor& actor, const std::string& id, CourseInput change);
  // draft -> published; 409 COURSE_HAS_NO_CONTENT without a section holding an item.
  Result<Course> publish(const Actor& actor, const std::string& id);
  // draft or published -> archived (what DELETE /v1/courses/:id does).
  Status archive(const Actor& actor, const std::string& id);
  // The course when the actor may edit it: 404 when they may not even see it, 403 when only see.
  Result<Course> require_editor(const Actor& actor, const std::string& id);
  // True when the actor teaches at least one course: whom the edit routes'
  // courses:update, courses:delete and courses:publish may admit without the permission.
  Result<bool> teaches_any(const Actor& actor);
  // The instructors of a course the actor may see.
  Result<std::vector<Instructor>> instructors(const Actor& actor, const std::string& id);

  // Inside another domain's transaction: the course when the actor may see it, 404 otherwise.
  Result<Course> visible(Connection& c, const Actor& actor, const std::string& id);
  // Inside another domain's transaction: whether the actor teaches the course or holds
  // courses:update.
  Result<bool> is_editor(Connection& c, const Actor& actor, const Course& course) {
    return can_edit(c, actor, course, "courses:update");
  }
  // Inside Learning's enrollment transaction (decision 0007): takes one seat of the course,
  // false when it is full; free_seat gives one back.
  static Result<bool> take_seat(Connection& c, const std::string& id);
  static Status free_seat(Connection& c, const std::string& id);

 private:
  Result<bool> can_edit(Connection& c, const Actor& actor, const Course& course,
                        const char* permission);
  Result<Course> editable(Connection& c, const Actor& actor, const std::string& id,
                          const char* permission);
  Status check_input(Connection& c, const CourseInput& input);
  Result<Course> transition_to(const Actor& actor, const std::string& id, const std::string& to,
                               const char* permission);

  Database& db_;
  const identity::AuthorizationService& authz_;
  CourseChecks checks_;
  CourseSearchIndex search_index_;
};

}  // namespace deltalabs::catalog
