#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/model.h"
#include "content/section_service.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::content {

// Super-courses: courses composed of sections of other courses. Holders of
// courses:create make them; their creator and holders of courses:update edit
// and publish them; drafts are visible only to those (404 to everyone else);
// a section can be added when the actor may see it, once.
class SuperCourseService {
 public:
  SuperCourseService(Database& db, const identity::AuthorizationService& authz,
                     SectionService& sections)
      : db_(db), authz_(authz), sections_(sections) {}

  // A page of published super-courses (public).
  Result<Page<SuperCourse>> list(const PageRequest& page);
  // Creates a draft (courses:create).
  Result<SuperCourse> create(const Actor& actor, const SuperCourseInput& input);
  // One super-course the actor may see.
  Result<SuperCourse> get(const Actor& actor, const std::string& id);
  // Changes title or description.
  Result<SuperCourse> update(const Actor& actor, const std::string& id,
                             const SuperCourseInput& change);
  // draft -> published; 409 SUPER_COURSE_HAS_NO_SECTIONS when empty.
  Result<SuperCourse> publish(const Actor& actor, const std::string& id);
  // The super-course's sections in order.
  Result<Page<SuperCourseSection>> sections(const Actor& actor, const std::string& id,
                                            const PageRequest& page);
  // True when the actor created at least one super-course: whom courses:update
  // routes may admit without the permission.
  Result<bool> created_any(const Actor& actor);
  // Appends a course section; 400 when the actor cannot see it, 409 when already included.
  Result<SuperCourseSection> add_section(const Actor& actor, const std::string& id,
                                         const std::string& section_id);

  // Inside another domain's transaction (learning's super-course enrollment):
  // the status, or nullopt when there is no such super-course.
  static Result<std::optional<std::string>> status_of(Connection& c, const std::string& id);
  // Inside another domain's transaction: the distinct courses the
  // super-course's sections come from, in section order.
  static Result<std::vector<std::string>> course_ids(Connection& c, const std::string& id);

 private:
  Result<bool> can_edit(const Actor& actor, const SuperCourse& course);
  Result<SuperCourse> editable(const Actor& actor, const std::string& id);

  Database& db_;
  const identity::AuthorizationService& authz_;
  SectionService& sections_;
};

}  // namespace deltalabs::content
