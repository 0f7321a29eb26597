#include "catalog/course_repository.h"

#include <algorithm>

#include "catalog/catalog_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::catalog {

namespace {

// The instructor ids of the instructors column (see DL_COURSE_INSTRUCTORS),
// into `out`, whose strings are reused: comma-separated ids, or on SQLite
// "<added_at> <id>" elements in any order, which sort by (added_at, id) as text.
void read_instructor_ids(std::string_view column, std::vector<std::string>& out) {
  std::size_t count = 0;
  bool timed = false;
  std::size_t at = 0;
  while (at < column.size()) {
    const std::size_t end = std::min(column.find(',', at), column.size());
    if (count == out.size()) out.emplace_back();
    out[count].assign(column.substr(at, end - at));
    timed = timed || out[count].find(' ') != std::string::npos;
    ++count;
    at = end + 1;
  }
  out.resize(count);
  if (timed) {
    std::sort(out.begin(), out.end());
    for (auto& e : out) e.erase(0, e.rfind(' ') + 1);
  }
}

// Sets `into` to the text, or to nothing for NULL, reusing its storage.
void read_optional_text(const RowReader& r, std::size_t i, std::optional<std::string>& into) {
  if (r.is_null(i)) {
    into.reset();
  } else if (into) {
    into->assign(r.text(i));
  } else {
    into.emplace(r.text(i));
  }
}

}  // namespace

void read_course(const RowReader& r, Course& into) {
  into.id.assign(r.text(0));
  into.slug.assign(r.text(1));
  into.title.assign(r.text(2));
  into.subtitle.assign(r.text(3));
  into.description.assign(r.text(4));
  into.category_id.assign(r.text(5));
  into.level_id.assign(r.text(6));
  into.language.assign(r.text(7));
  into.price.amount_minor = r.integer(8);
  into.price.currency.assign(r.text(9));
  into.status.assign(r.text(10));
  into.max_students = r.is_null(11) ? std::nullopt : std::optional<std::int64_t>(r.integer(11));
  into.enrollment_count = r.integer(12);
  read_optional_text(r, 13, into.created_by);
  read_optional_text(r, 14, into.published_at);
  into.created_at.assign(r.text(15));
  into.updated_at.assign(r.text(16));
  read_instructor_ids(r.text(17), into.instructor_ids);
}

namespace {

Result<bool> exists(Connection& c, const char* statement, const std::string& id) {
  if (!is_uuid(id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(statement, {id}));
  return rows[0].integer(0) > 0;
}

std::optional<std::int64_t> amount_of(const std::optional<Money>& m) {
  return m ? std::optional<std::int64_t>(m->amount_minor) : std::nullopt;
}

std::optional<std::string> currency_of(const std::optional<Money>& m) {
  return m ? std::optional<std::string>(m->currency) : std::nullopt;
}

}  // namespace

Result<std::string> CourseRepository::insert(Connection& c, const std::string& slug,
                                             const CourseInput& in, const std::string& created_by) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(
      sql::kInsertCourse,
      {id, slug, in.title.value_or(""), in.subtitle.value_or(""), in.description.value_or(""),
       in.category_id.value_or(""), in.level_id.value_or(""), in.language.value_or("en"),
       amount_of(in.price).value_or(0), currency_of(in.price).value_or("USD"), in.max_students,
       created_by, format_rfc3339(now())}));
  return id;
}

Result<Course> CourseRepository::find(Connection& c, const std::string& id) {
  std::optional<Course> course;
  DL_TRY(c.query_each(sql::kSelectCourse, {id}, [&](const RowReader& r) {
    course.emplace();
    read_course(r, *course);
  }));
  if (!course) return Error::not_found("course");
  return std::move(*course);
}

Status CourseRepository::update(Connection& c, const std::string& id, const CourseInput& ch) {
  DL_TRY(c.execute(sql::kUpdateCourse,
                   {id, ch.title, ch.subtitle, ch.description, ch.category_id, ch.level_id,
                    ch.language, amount_of(ch.price), currency_of(ch.price),
                    ch.set_max_students ? 1 : 0, ch.max_students, format_rfc3339(now())}));
  return {};
}

Result<bool> CourseRepository::transition(Connection& c, const std::string& id,
                                          const std::string& from, const std::string& to) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed,
                      c.execute(sql::kTransitionCourse, {id, from, to, format_rfc3339(now())}));
  return changed == 1;
}

Status CourseRepository::set_instructors(Connection& c, const std::string& id,
                                         const std::vector<std::string>& instructor_ids) {
  DL_TRY(c.execute(sql::kDeleteCourseInstructors, {id}));
  const std::string at = format_rfc3339(now());
  for (const auto& instructor_id : instructor_ids) {
    DL_TRY(c.execute(sql::kInsertCourseInstructor, {id, instructor_id, at}));
  }
  return {};
}

Result<bool> CourseRepository::teaches_any(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kTeachesAnyCourse, {user_id}));
  return !rows.empty();
}

Result<bool> CourseRepository::is_instructor(Connection& c, const std::string& id,
                                             const std::string& user_id) {
  if (user_id.empty()) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kIsCourseInstructor, {id, user_id}));
  return rows[0].integer(0) > 0;
}

Result<bool> CourseRepository::take_seat(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(std::int64_t changed, c.execute(sql::kTakeSeat, {id}));
  return changed > 0;
}

Status CourseRepository::free_seat(Connection& c, const std::string& id) {
  DL_TRY(c.execute(sql::kFreeSeat, {id}));
  return {};
}

Result<bool> CourseRepository::slug_free(Connection& c, const std::string& slug) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountCoursesBySlug, {slug}));
  return rows[0].integer(0) == 0;
}

Result<std::vector<FieldError>> CourseRepository::missing_references(Connection& c,
                                                                     const CourseInput& in) {
  std::vector<FieldError> problems;
  if (in.category_id) {
    DL_ASSIGN_OR_RETURN(bool found, exists(c, sql::kCountCategoriesById, *in.category_id));
    if (!found) problems.push_back({"category_id", "no course category has this id"});
  }
  if (in.level_id) {
    DL_ASSIGN_OR_RETURN(bool found, exists(c, sql::kCountLevelsById, *in.level_id));
    if (!found) problems.push_back({"level_id", "no course level has this id"});
  }
  if (in.instructor_ids) {
    for (std::size_t i = 0; i < in.instructor_ids->size(); ++i) {
      DL_ASSIGN_OR_RETURN(bool found,
                          exists(c, sql::kCountInstructorsById, (*in.instructor_ids)[i]));
      if (!found)
        problems.push_back(
            {"instructor_ids[" + std::to_string(i) + "]", "no instructor has this id"});
    }
  }
  return problems;
}

}  // namespace deltalabs::catalog
