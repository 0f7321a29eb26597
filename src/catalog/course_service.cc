#include "catalog/course_service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "catalog/course_catalog_repository.h"
#include "catalog/course_repository.h"
#include "catalog/instructor_repository.h"
#include "catalog/instructor_service.h"
#include "core/slug.h"
#include "core/uuid.h"
#include "platform/audit_log.h"

namespace deltalabs::catalog {

namespace {

// The lifecycle: every allowed status change, and nothing else.
struct Transition {
  const char* from;
  const char* to;
};
constexpr Transition kTransitions[] = {
    {"draft", "published"},
    {"draft", "archived"},
    {"published", "archived"},
};

bool allowed(const std::string& from, const std::string& to) {
  return std::any_of(std::begin(kTransitions), std::end(kTransitions),
                     [&](const Transition& t) { return from == t.from && to == t.to; });
}

// Lower-cases ids and drops repeated instructors, keeping the first occurrence.
void normalise(CourseInput& input) {
  if (input.category_id) input.category_id = canonical_id(*input.category_id);
  if (input.level_id) input.level_id = canonical_id(*input.level_id);
  if (!input.instructor_ids) return;
  std::vector<std::string> unique;
  for (auto& id : *input.instructor_ids) {
    std::string l = canonical_id(id);
    if (std::find(unique.begin(), unique.end(), l) == unique.end()) unique.push_back(std::move(l));
  }
  input.instructor_ids = std::move(unique);
}

std::string details(const std::string& slug, const std::string& status) {
  return boost::json::serialize(boost::json::object{{"slug", slug}, {"status", status}});
}

}  // namespace

Result<Page<Course>> CourseService::list(const CourseQuery& query, const PageRequest& page) {
  return collect_page<Course>([&](const auto& item) { return each(query, page, item); });
}

Result<std::optional<std::string>> CourseService::each(
    const CourseQuery& query, const PageRequest& page,
    const std::function<void(const Course&)>& item) {
  CourseQuery effective = query;
  if (effective.sort == CourseSort::kRelevance && !effective.q)
    effective.sort = CourseSort::kNewest;
  if (effective.instructor_id) effective.instructor_id = canonical_id(*effective.instructor_id);
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  // Relevance pages come from the in-memory index; SQL answers the rest, and
  // relevance too when this connection sees an older catalog than the index.
  if (effective.q && effective.sort == CourseSort::kRelevance) {
    DL_ASSIGN_OR_RETURN(std::optional<Page<Course>> ranked,
                        search_index_.search(*conn, effective, page));
    if (ranked) {
      for (const Course& course : ranked->items) item(course);
      return std::move(ranked->next);
    }
  }
  return CourseCatalogRepository::each(*conn, effective, page, item);
}

Result<Course> CourseService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return visible(*conn, actor, id);
}

Result<Course> CourseService::create(const Actor& actor, CourseInput input) {
  DL_TRY(authz_.require(actor, "courses:create"));
  normalise(input);
  return db_.transaction([&](Connection& c) -> Result<Course> {
    DL_TRY(check_input(c, input));
    std::string slug = slugify(input.title.value_or(""));
    DL_ASSIGN_OR_RETURN(bool free, CourseRepository::slug_free(c, slug));
    if (!free) slug += "-" + new_uuid_v7().substr(28);
    DL_ASSIGN_OR_RETURN(std::string id, CourseRepository::insert(c, slug, input, actor.user_id));
    if (!input.instructor_ids) {
      DL_ASSIGN_OR_RETURN(Instructor own, InstructorService::ensure_own(c, actor.user_id));
      input.instructor_ids = std::vector<std::string>{own.id};
    }
    DL_TRY(CourseRepository::set_instructors(c, id, *input.instructor_ids));
    DL_TRY(AuditLog::record(c, actor, {"course.created", "course", id, details(slug, "draft")}));
    return CourseRepository::find(c, id);
  });
}

Result<Course> CourseService::update(const Actor& actor, const std::string& id,
                                     CourseInput change) {
  normalise(change);
  return db_.transaction([&](Connection& c) -> Result<Course> {
    DL_ASSIGN_OR_RETURN(Course course, editable(c, actor, id, "courses:update"));
    if (course.status == "archived")
      return Error::conflict("COURSE_ARCHIVED", "An archived course cannot change.");
    DL_TRY(check_input(c, change));
    DL_TRY(CourseRepository::update(c, course.id, change));
    if (change.instructor_ids)
      DL_TRY(CourseRepository::set_instructors(c, course.id, *change.instructor_ids));
    return CourseRepository::find(c, course.id);
  });
}

Result<Course> CourseService::publish(const Actor& actor, const std::string& id) {
  return transition_to(actor, id, "published", "courses:publish");
}

Status CourseService::archive(const Actor& actor, const std::string& id) {
  DL_TRY(transition_to(actor, id, "archived", "courses:delete"));
  return {};
}

Result<Course> CourseService::require_editor(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return editable(*conn, actor, id, "courses:update");
}

Result<bool> CourseService::teaches_any(const Actor& actor) {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return CourseRepository::teaches_any(*conn, actor.user_id);
}

Result<std::vector<Instructor>> CourseService::instructors(const Actor& actor,
                                                           const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Course course, visible(*conn, actor, id));
  return InstructorRepository::of_course(*conn, course.id);
}

Result<Course> CourseService::transition_to(const Actor& actor, const std::string& id,
                                            const std::string& to, const char* permission) {
  return db_.transaction([&](Connection& c) -> Result<Course> {
    DL_ASSIGN_OR_RETURN(Course course, editable(c, actor, id, permission));
    if (!allowed(course.status, to)) {
      return Error::conflict("INVALID_STATUS_TRANSITION",
                             "A " + course.status + " course cannot become " + to + ".");
    }
    if (to == "published" && checks_.has_content) {
      DL_ASSIGN_OR_RETURN(bool has_content, checks_.has_content(c, course.id));
      if (!has_content) {
        return Error::conflict(
            "COURSE_HAS_NO_CONTENT",
            "Add at least one section with at least one item before publishing.");
      }
    }
    DL_ASSIGN_OR_RETURN(bool moved, CourseRepository::transition(c, course.id, course.status, to));
    if (!moved) return Error::conflict("STALE_STATUS", "The course changed meanwhile; try again.");
    DL_TRY(AuditLog::record(c, actor,
                            {"course." + to, "course", course.id, details(course.slug, to)}));
    return CourseRepository::find(c, course.id);
  });
}

Result<bool> CourseService::can_edit(Connection& c, const Actor& actor, const Course& course,
                                     const char* permission) {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(bool teaches, CourseRepository::is_instructor(c, course.id, actor.user_id));
  if (teaches) return true;
  DL_ASSIGN_OR_RETURN(bool updater, authz_.allows(actor, "courses:update"));
  if (updater) return true;
  return authz_.allows(actor, permission);
}

Result<bool> CourseService::take_seat(Connection& c, const std::string& id) {
  return CourseRepository::take_seat(c, id);
}

Status CourseService::free_seat(Connection& c, const std::string& id) {
  return CourseRepository::free_seat(c, id);
}

Result<Course> CourseService::visible(Connection& c, const Actor& actor, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("course");
  DL_ASSIGN_OR_RETURN(Course course, CourseRepository::find(c, canonical_id(id)));
  if (course.status == "published") return course;
  if (course.status == "archived" && checks_.is_member && actor.authenticated()) {
    DL_ASSIGN_OR_RETURN(bool member, checks_.is_member(c, actor.user_id, course.id));
    if (member) return course;
  }
  DL_ASSIGN_OR_RETURN(bool editor, can_edit(c, actor, course, "courses:update"));
  if (!editor) return Error::not_found("course");
  return course;
}

Result<Course> CourseService::editable(Connection& c, const Actor& actor, const std::string& id,
                                       const char* permission) {
  DL_ASSIGN_OR_RETURN(Course course, visible(c, actor, id));
  DL_ASSIGN_OR_RETURN(bool editor, can_edit(c, actor, course, permission));
  if (!editor)
    return Error::forbidden("Only the course's instructors and catalog editors may change it.");
  return course;
}

Status CourseService::check_input(Connection& c, const CourseInput& input) {
  std::vector<FieldError> problems;
  if (input.price && !is_currency_code(input.price->currency)) {
    problems.push_back({"price.currency", "must be an ISO 4217 code of three upper-case letters"});
  }
  DL_ASSIGN_OR_RETURN(auto missing, CourseRepository::missing_references(c, input));
  problems.insert(problems.end(), missing.begin(), missing.end());
  if (!problems.empty())
    return Error::invalid("The request body is not valid.", std::move(problems));
  return {};
}

}  // namespace deltalabs::catalog
