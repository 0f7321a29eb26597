#include "catalog/course_catalog_repository.h"

#include <cctype>

#include "catalog/catalog_position.h"
#include "catalog/catalog_sql.h"
#include "catalog/course_repository.h"
#include "storage/sql_text.h"

namespace deltalabs::catalog {

namespace {

constexpr std::size_t kMaxWords = 8;
constexpr std::size_t kMaxWordBytes = 64;
constexpr std::size_t kScoreColumn = 18;  // after the course columns and instructors

// The statement for a sort, with or without a text query (see catalog_sql.h).
const char* statement_for(Dialect dialect, CourseSort sort, bool searching) {
  // [dialect][searching][sort]: relevance, newest, popular, price.
  static constexpr const char* kStatements[2][2][4] = {
      {{sql::kSqliteCatalogByRelevance, sql::kSqliteCatalogByNewest, sql::kSqliteCatalogByPopular,
        sql::kSqliteCatalogByPrice},
       {sql::kSqliteSearchByRelevance, sql::kSqliteSearchByNewest, sql::kSqliteSearchByPopular,
        sql::kSqliteSearchByPrice}},
      {{sql::kPgCatalogByRelevance, sql::kPgCatalogByNewest, sql::kPgCatalogByPopular,
        sql::kPgCatalogByPrice},
       {sql::kPgSearchByRelevance, sql::kPgSearchByNewest, sql::kPgSearchByPopular,
        sql::kPgSearchByPrice}}};
  int order = 1;
  switch (sort) {
    case CourseSort::kRelevance:
      order = 0;
      break;
    case CourseSort::kPopular:
      order = 2;
      break;
    case CourseSort::kPrice:
      order = 3;
      break;
    case CourseSort::kNewest:
      break;
  }
  return kStatements[dialect == Dialect::kPostgres ? 1 : 0][searching ? 1 : 0][order];
}

std::int64_t sort_key(CourseSort sort, const RowReader& r) {
  switch (sort) {
    case CourseSort::kRelevance:
      return r.integer(kScoreColumn);
    case CourseSort::kPopular:
      return r.integer(12);
    case CourseSort::kPrice:
      return r.integer(8);
    case CourseSort::kNewest:
      break;
  }
  return 0;
}

// The plain newest-first catalog, which has a statement of its own.
bool unfiltered_newest(const CourseQuery& q) {
  return q.sort == CourseSort::kNewest && !q.q && !CourseCatalogRepository::filtered(q);
}

}  // namespace

bool CourseCatalogRepository::filtered(const CourseQuery& q) {
  return q.category || q.level || q.instructor_id || q.language || q.price_max || q.free;
}

std::string CourseCatalogRepository::match_text(Dialect dialect,
                                                const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += dialect == Dialect::kSqlite ? "\"" + w + "\"" : w;
  }
  return out;
}

std::vector<std::string> CourseCatalogRepository::words_of(const std::string& q) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && words.size() < kMaxWords)
      words.push_back(current.substr(0, kMaxWordBytes));
    current.clear();
  };
  for (unsigned char ch : q) {
    if (std::isalnum(ch) || ch >= 0x80) {
      current += static_cast<char>(std::tolower(ch));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

Result<std::optional<std::string>> CourseCatalogRepository::each(
    Connection& c, const CourseQuery& query, const PageRequest& page,
    const std::function<void(const Course&)>& item) {
  DL_ASSIGN_OR_RETURN(CatalogPosition position, parse_catalog_position(page.after, query.sort));
  std::optional<std::string> text;
  if (query.q) {
    const auto words = words_of(*query.q);
    if (words.empty()) return std::optional<std::string>();  // nothing searchable matches nothing
    text = match_text(c.dialect(), words);
  }
  std::optional<std::string> free;
  if (query.free) free = *query.free ? "true" : "false";
  std::string limited;  // the newest-first page's text with its row limit
  std::string_view statement;
  Params params;
  if (unfiltered_newest(query)) {
    const bool sqlite = c.dialect() == Dialect::kSqlite;
    const char* text_of_page = sqlite ? sql::kSqliteCatalogNewestFirst : sql::kPgCatalogNewestFirst;
    if (position.id) {
      text_of_page = sqlite ? sql::kSqliteCatalogNewestAfter : sql::kPgCatalogNewestAfter;
      params = Params{position.id};
    }
    limited = with_row_limit(text_of_page, page.limit + 1);
    statement = limited;
  } else {
    statement = statement_for(c.dialect(), query.sort, text.has_value());
    params = Params{text,           query.category,  query.level, query.instructor_id,
                    query.language, query.price_max, free,        position.key,
                    position.id,    page.limit + 1};
  }
  // One Course takes every row in turn: after the first, reading a row
  // allocates only where a text is longer than any before it.
  Course course;
  int read = 0;
  std::int64_t last_key = 0;
  DL_TRY(c.query_each(statement, params, [&](const RowReader& r) {
    if (++read > page.limit) return;  // the row past the page: more remain
    read_course(r, course);
    last_key = sort_key(query.sort, r);
    item(course);
  }));
  if (read <= page.limit) return std::optional<std::string>();
  return std::optional<std::string>(catalog_position(query.sort, last_key, course.id));
}

}  // namespace deltalabs::catalog
