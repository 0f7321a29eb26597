#include "content/super_course_service.h"

#include "content/super_course_repository.h"
#include "core/slug.h"
#include "core/uuid.h"

namespace deltalabs::content {

Result<Page<SuperCourse>> SuperCourseService::list(const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return SuperCourseRepository::list_published(*conn, page);
}

Result<SuperCourse> SuperCourseService::create(const Actor& actor, const SuperCourseInput& input) {
  DL_TRY(authz_.require(actor, "courses:create"));
  return db_.transaction([&](Connection& c) -> Result<SuperCourse> {
    std::string slug = slugify(input.title.value_or(""));
    DL_ASSIGN_OR_RETURN(bool free, SuperCourseRepository::slug_free(c, slug));
    if (!free) slug += "-" + new_uuid_v7().substr(28);
    DL_ASSIGN_OR_RETURN(std::string id,
                        SuperCourseRepository::insert(c, slug, input, actor.user_id));
    return SuperCourseRepository::find(c, id);
  });
}

Result<SuperCourse> SuperCourseService::get(const Actor& actor, const std::string& id) {
  SuperCourse course;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(course, SuperCourseRepository::find(*conn, id));
  }
  if (course.status != "draft") return course;
  DL_ASSIGN_OR_RETURN(bool editor, can_edit(actor, course));
  if (!editor) return Error::not_found("super course");
  return course;
}

Result<SuperCourse> SuperCourseService::update(const Actor& actor, const std::string& id,
                                               const SuperCourseInput& change) {
  DL_ASSIGN_OR_RETURN(SuperCourse course, editable(actor, id));
  return db_.transaction([&](Connection& c) -> Result<SuperCourse> {
    DL_TRY(SuperCourseRepository::update(c, course.id, change));
    return SuperCourseRepository::find(c, course.id);
  });
}

Result<SuperCourse> SuperCourseService::publish(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(SuperCourse course, editable(actor, id));
  return db_.transaction([&](Connection& c) -> Result<SuperCourse> {
    DL_ASSIGN_OR_RETURN(SuperCourse current, SuperCourseRepository::find(c, course.id));
    if (current.status != "draft") {
      return Error::conflict("INVALID_STATUS_TRANSITION",
                             "A " + current.status + " super-course cannot be published.");
    }
    if (current.section_count == 0) {
      return Error::conflict("SUPER_COURSE_HAS_NO_SECTIONS",
                             "Add at least one section before publishing.");
    }
    DL_ASSIGN_OR_RETURN(bool moved, SuperCourseRepository::publish(c, course.id));
    if (!moved)
      return Error::conflict("STALE_STATUS", "The super-course changed meanwhile; try again.");
    return SuperCourseRepository::find(c, course.id);
  });
}

Result<Page<SuperCourseSection>> SuperCourseService::sections(const Actor& actor,
                                                              const std::string& id,
                                                              const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(SuperCourse course, get(actor, id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return SuperCourseRepository::sections(*conn, course.id, page);
}

Result<SuperCourseSection> SuperCourseService::add_section(const Actor& actor,
                                                           const std::string& id,
                                                           const std::string& section_id) {
  DL_ASSIGN_OR_RETURN(SuperCourse course, editable(actor, id));
  auto section = sections_.visible(actor, section_id);
  if (!section.ok()) {
    if (section.error().kind != ErrorKind::kNotFound) return std::move(section).error();
    return Error::invalid("The request body is not valid.",
                          {{"section_id", "no section you can see has this id"}});
  }
  return db_.transaction([&](Connection& c) -> Result<SuperCourseSection> {
    DL_ASSIGN_OR_RETURN(std::string row_id,
                        SuperCourseRepository::add_section(c, course.id, section->id));
    DL_ASSIGN_OR_RETURN(auto page, SuperCourseRepository::sections(c, course.id, {1000, ""}));
    for (auto& s : page.items) {
      if (s.id == row_id) return std::move(s);
    }
    return Error::internal("added super-course section not found");
  });
}

Result<bool> SuperCourseService::created_any(const Actor& actor) {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return SuperCourseRepository::created_any(*conn, actor.user_id);
}

Result<bool> SuperCourseService::can_edit(const Actor& actor, const SuperCourse& course) {
  if (!actor.authenticated()) return false;
  if (course.created_by && *course.created_by == actor.user_id) return true;
  return authz_.allows(actor, "courses:update");
}

Result<SuperCourse> SuperCourseService::editable(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(SuperCourse course, get(actor, id));
  DL_ASSIGN_OR_RETURN(bool editor, can_edit(actor, course));
  if (!editor)
    return Error::forbidden("Only the super-course's creator and catalog editors may change it.");
  return course;
}

Result<std::optional<std::string>> SuperCourseService::status_of(Connection& c,
                                                                 const std::string& id) {
  return SuperCourseRepository::status_of(c, id);
}

Result<std::vector<std::string>> SuperCourseService::course_ids(Connection& c,
                                                                const std::string& id) {
  return SuperCourseRepository::course_ids(c, id);
}

}  // namespace deltalabs::content
