#include "catalog/course_search_repository.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>

#include "catalog/catalog_sql.h"
#include "catalog/course_catalog_repository.h"
#include "catalog/course_repository.h"

namespace deltalabs::catalog {

namespace {

constexpr std::size_t kPlaceColumn = 18;   // after the course columns and instructors
constexpr std::size_t kPassesColumn = 19;  // whether the row passes the filters
constexpr std::size_t kGenerationColumn = 20;

const char* pick(Dialect d, const char* sqlite, const char* postgres) {
  return d == Dialect::kSqlite ? sqlite : postgres;
}

}  // namespace

Result<std::int64_t> CourseSearchRepository::generation(Connection& c) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSearchGeneration));
  if (rows.empty()) return Error::internal("course_search_generation has no row");
  return rows[0].integer(0);
}

Result<std::vector<SearchKey>> CourseSearchRepository::published(Connection& c) {
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(pick(c.dialect(), sql::kSqliteSearchKeys, sql::kPgSearchKeys)));
  std::vector<SearchKey> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back({rows[i].text(0), rows[i].text(1)});
  return out;
}

Result<std::vector<WordColumn>> CourseSearchRepository::word_columns(Connection& c,
                                                                     const std::string& word) {
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(pick(c.dialect(), sql::kSqliteWordColumns, sql::kPgWordColumns),
                              {CourseCatalogRepository::match_text(c.dialect(), {word})}));
  std::vector<WordColumn> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i)
    out.push_back({rows[i].text(0), static_cast<std::uint8_t>(rows[i].integer(1))});
  return out;
}

Result<bool> CourseSearchRepository::matches_published(Connection& c,
                                                       const std::vector<std::string>& words) {
  DL_ASSIGN_OR_RETURN(
      RowSet rows,
      c.query(pick(c.dialect(), sql::kSqliteMatchesPublished, sql::kPgMatchesPublished),
              {CourseCatalogRepository::match_text(c.dialect(), words)}));
  return !rows.empty() && rows[0].integer(0) > 0;
}

Result<std::optional<RankedRows>> CourseSearchRepository::ranked_courses(
    Connection& c, const std::vector<std::string>& keys, const std::vector<std::string>& ids,
    const CourseQuery& filters) {
  boost::json::array list;
  list.reserve(keys.size());
  for (const auto& key : keys) {
    // SQLite's keys are rowids: numbers, so the join reads the table by rowid.
    if (c.dialect() == Dialect::kSqlite) {
      list.emplace_back(std::strtoll(key.c_str(), nullptr, 10));
    } else {
      list.emplace_back(key);
    }
  }
  const char* statement = nullptr;
  Params params;
  if (!CourseCatalogRepository::filtered(filters)) {
    statement =
        pick(c.dialect(), sql::kSqliteRankedCoursesUnfiltered, sql::kPgRankedCoursesUnfiltered);
    params = Params{boost::json::serialize(list)};
  } else {
    std::optional<std::string> free;
    if (filters.free) free = *filters.free ? "true" : "false";
    statement = pick(c.dialect(), sql::kSqliteRankedCourses, sql::kPgRankedCourses);
    params = Params{boost::json::serialize(list),
                    filters.category,
                    filters.level,
                    filters.instructor_id,
                    filters.language,
                    filters.price_max,
                    free};
  }
  // Every key reads the course the index ranked, or the index is stale.
  RankedRows out;
  out.courses.reserve(keys.size());
  std::size_t read = 0;
  bool stale = false;
  DL_TRY(c.query_each(statement, params, [&](const RowReader& r) {
    ++read;
    out.generation = r.integer(kGenerationColumn);
    const auto place = static_cast<std::size_t>(r.integer(kPlaceColumn));
    stale = stale || place >= ids.size() || r.text(0) != ids[place];
    if (stale || r.integer(kPassesColumn) == 0) return;
    out.courses.push_back({Course{}, place});
    read_course(r, out.courses.back().course);
  }));
  if (stale || read != keys.size()) return std::optional<RankedRows>();
  std::sort(out.courses.begin(), out.courses.end(),
            [](const RankedCourse& a, const RankedCourse& b) { return a.place < b.place; });
  return std::optional<RankedRows>(std::move(out));
}

}  // namespace deltalabs::catalog
