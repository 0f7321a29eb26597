#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog_position.h"
#include "catalog/model.h"
#include "catalog/relevance_ranking.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::catalog {

// Relevance search of the public catalog from posting lists held in memory
// (decision 0014). The published courses are numbered in id order once per
// generation of the catalog (a counter that database triggers move whenever a
// published course's text or status changes, whoever writes), and each query
// word's matches are asked of the database's own matcher once per generation
// and kept as a sorted list of those numbers with the columns the word is in.
// A search then intersects its words' lists and keeps the best `limit` + 1:
// no per-request work grows with the number of matches beyond that pass, and
// only the rows of the page are read. Results are those of the SQL listing:
// same matches, same score, same (score, id) order and cursors. Thread-safe.
class CourseSearchIndex {
 public:
  // Default bound on the posting lists kept for one generation.
  static constexpr std::size_t kDefaultMaxBytes = 32U << 20U;

  // `max_bytes` bounds the posting lists kept; past it they start over.
  explicit CourseSearchIndex(std::size_t max_bytes = kDefaultMaxBytes) : max_bytes_(max_bytes) {}

  // The page of published courses matching every word of query.q and its
  // filters, by relevance then id, after page.after; nullopt when the
  // connection sees an older catalog than the one indexed, so the caller
  // answers from SQL instead.
  Result<std::optional<Page<Course>>> search(Connection& c, const CourseQuery& query,
                                             const PageRequest& page);

 private:
  struct Catalog;
  // A search's page (nullopt: SQL must answer) and the catalog generation its
  // rows were read at (nullopt when no row was read).
  struct Outcome {
    std::optional<Page<Course>> page;
    std::optional<std::int64_t> generation;
  };
  // The index held now, whatever generation it is of; nullptr before the first build.
  std::shared_ptr<Catalog> current_catalog();
  // The page of `words` (distinct, not empty) after `position` in `catalog`.
  Result<Outcome> search_in(Connection& c, const std::shared_ptr<Catalog>& catalog,
                            const std::vector<std::string>& words, const CatalogPosition& position,
                            const CourseQuery& query, int limit);

  // The index of `generation`, built on `c` when it is newer than the one
  // held; nullptr when it is older.
  Result<std::shared_ptr<Catalog>> catalog_at(Connection& c, std::int64_t generation);
  // One word's posting list in `catalog`, asked of the database the first time.
  Result<std::shared_ptr<const WordPostings>> postings(Connection& c, Catalog& catalog,
                                                       const std::string& word);
  // Whether the matcher drops `word` (a stop word, or no token at all): asked
  // with `partner`, a word that does match, for words that match nothing alone.
  Result<bool> dropped(Connection& c, Catalog& catalog, const std::string& word,
                       const std::string& partner);
  // Drops `catalog` if it is still the one held, so the next search builds anew.
  void forget(const std::shared_ptr<Catalog>& catalog);
  // Counts `bytes` more against the bound, starting the word lists over when full.
  void charge(Catalog& catalog, std::size_t bytes) const;

  std::size_t max_bytes_;
  std::mutex mutex_;  // guards current_
  std::shared_ptr<Catalog> current_;
  std::mutex build_mutex_;  // one build at a time; waiters then find its result
};

}  // namespace deltalabs::catalog
