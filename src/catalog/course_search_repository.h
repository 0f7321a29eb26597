#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalog/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// A published course as the search index names it: `key` is what word
// postings refer to (the rowid on SQLite, the id on PostgreSQL).
struct SearchKey {
  std::string key;
  std::string id;
};

// Where one word occurs: the course's key and a column bit (title 4, subtitle
// 2, description 1). A key may come once per column; callers or the bits.
struct WordColumn {
  std::string key;
  std::uint8_t column;
};

// A course of a ranked list that passed the filters, and its place in the list.
struct RankedCourse {
  Course course;
  std::size_t place;
};

// The rows a ranked list of keys read, and the catalog generation their
// statement's snapshot reads.
struct RankedRows {
  std::vector<RankedCourse> courses;
  std::int64_t generation = 0;
};

// The SQL behind CourseSearchIndex (decision 0014): the generation counter,
// the published set, one word's matches from each dialect's own matcher (FTS5
// or the stored tsvectors), and the rows of a ranked page. Stateless.
class CourseSearchRepository {
 public:
  // The current value of the counter the triggers of migration 0010 move.
  static Result<std::int64_t> generation(Connection& c);
  // Every published course, in no particular order.
  static Result<std::vector<SearchKey>> published(Connection& c);
  // Where one word occurs, as the dialect's matcher finds it (stemming, case, stop words).
  static Result<std::vector<WordColumn>> word_columns(Connection& c, const std::string& word);
  // True when some published course matches all of `words` together.
  static Result<bool> matches_published(Connection& c, const std::vector<std::string>& words);
  // The courses of `keys` (SearchKey::key) that are published and pass the query's
  // filters (its text is ignored), with their instructor ids, in the order of `keys`;
  // nullopt when a key no longer reads the course of the same place in `ids` (the
  // index that made the keys is stale). `keys` must not be empty.
  static Result<std::optional<RankedRows>> ranked_courses(Connection& c,
                                                          const std::vector<std::string>& keys,
                                                          const std::vector<std::string>& ids,
                                                          const CourseQuery& filters);
};

}  // namespace deltalabs::catalog
