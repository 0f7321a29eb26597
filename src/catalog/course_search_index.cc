#include "catalog/course_search_index.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "catalog/catalog_position.h"
#include "catalog/course_catalog_repository.h"
#include "catalog/course_search_repository.h"

namespace deltalabs::catalog {

struct CourseSearchIndex::Catalog {
  std::int64_t generation = 0;
  std::vector<std::string> ids;   // the published ids in ascending order: a course's rank
  std::vector<std::string> keys;  // each rank's SearchKey::key, what its row is read by
  std::unordered_map<std::string, std::uint32_t> rank_of_key;

  std::mutex mutex;  // guards the members below
  std::unordered_map<std::string, std::shared_ptr<const WordPostings>> words;
  std::unordered_map<std::string, bool> dropped;
  std::size_t bytes = 0;  // held by words and dropped
};

namespace {

using Found = std::pair<Course, std::int64_t>;  // a course and its score

// The words of a query once each (the matcher ANDs them: repeats change nothing).
std::vector<std::string> distinct_words(const std::string& q) {
  auto words = CourseCatalogRepository::words_of(q);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::optional<Page<Course>> empty_page() { return Page<Course>{}; }

// Where the page after `position` starts among the ranks of `ids` (the
// published ids in ascending order); none for the first page.
std::optional<RelevanceStart> relevance_start(const CatalogPosition& position,
                                              const std::vector<std::string>& ids) {
  if (!position.id) return std::nullopt;
  const auto after = std::upper_bound(ids.begin(), ids.end(), *position.id);
  return RelevanceStart{position.key.value_or(0), static_cast<std::uint32_t>(after - ids.begin())};
}

// The rows of `ranked` from `from` on that meet the query's filters; nullopt
// when the keys read other rows.
Result<std::optional<RankedRows>> read_ranked(Connection& c, const std::vector<RankedMatch>& ranked,
                                              std::size_t from,
                                              const std::vector<std::string>& keys,
                                              const std::vector<std::string>& ids,
                                              const CourseQuery& query) {
  std::vector<std::string> wanted_keys;
  std::vector<std::string> wanted_ids;
  wanted_keys.reserve(ranked.size() - from);
  wanted_ids.reserve(ranked.size() - from);
  for (std::size_t i = from; i < ranked.size(); ++i) {
    wanted_keys.push_back(keys[ranked[i].rank]);
    wanted_ids.push_back(ids[ranked[i].rank]);
  }
  return CourseSearchRepository::ranked_courses(c, wanted_keys, wanted_ids, query);
}

// What best_matches found, and the catalog generation every read of it saw
// (none when no row was read, or when two reads saw different ones).
struct Matches {
  std::vector<Found> found;
  std::optional<std::int64_t> generation;
};

// The best `needed` courses matching every list after `start`, with their
// scores, best first; nullopt when the keys read other rows. Ranks the best
// `needed` and reads them; only when filters turn rows away, ranks further
// (four times as many each round) and reads the rest.
Result<std::optional<Matches>> best_matches(Connection& c,
                                            const std::vector<const WordPostings*>& lists,
                                            const std::optional<RelevanceStart>& start,
                                            std::size_t needed,
                                            const std::vector<std::string>& keys,
                                            const std::vector<std::string>& ids,
                                            const CourseQuery& query) {
  Matches matches;
  std::size_t cap = needed;
  std::size_t checked = 0;
  bool mixed = false;
  for (;;) {
    const auto ranked = rank_by_relevance(lists, start, cap);
    if (ranked.size() > checked) {
      DL_ASSIGN_OR_RETURN(std::optional<RankedRows> rows,
                          read_ranked(c, ranked, checked, keys, ids, query));
      if (!rows) return std::optional<Matches>();
      mixed = mixed || (matches.generation && *matches.generation != rows->generation);
      matches.generation = rows->generation;
      for (auto& row : rows->courses) {
        if (matches.found.size() < needed)
          matches.found.emplace_back(std::move(row.course), ranked[checked + row.place].score);
      }
      checked = ranked.size();
    }
    if (matches.found.size() >= needed || ranked.size() < cap) break;
    cap *= 4;
  }
  if (mixed) matches.generation.reset();
  return std::optional<Matches>(std::move(matches));
}

// The page of at most `limit` courses of `found` (one more means a next page).
Page<Course> relevance_page(std::vector<Found> found, int limit) {
  auto keyed = make_page(std::move(found), limit, [](const Found& last) {
    return catalog_position(CourseSort::kRelevance, last.second, last.first.id);
  });
  Page<Course> out;
  out.next = std::move(keyed.next);
  out.items.reserve(keyed.items.size());
  for (auto& [course, score] : keyed.items) out.items.push_back(std::move(course));
  return out;
}

}  // namespace

Result<std::shared_ptr<CourseSearchIndex::Catalog>> CourseSearchIndex::catalog_at(
    Connection& c, std::int64_t generation) {
  auto held = [&]() -> std::optional<std::shared_ptr<Catalog>> {
    std::lock_guard lock(mutex_);
    if (current_ && current_->generation == generation) return current_;
    if (current_ && current_->generation > generation) return std::shared_ptr<Catalog>();
    return std::nullopt;
  };
  if (auto found = held()) return *found;
  std::lock_guard build(build_mutex_);
  if (auto found = held()) return *found;  // built while this thread waited
  DL_ASSIGN_OR_RETURN(std::vector<SearchKey> keys, CourseSearchRepository::published(c));
  std::sort(keys.begin(), keys.end(),
            [](const SearchKey& a, const SearchKey& b) { return a.id < b.id; });
  auto catalog = std::make_shared<Catalog>();
  catalog->generation = generation;
  catalog->ids.reserve(keys.size());
  catalog->keys.reserve(keys.size());
  catalog->rank_of_key.reserve(keys.size());
  for (auto& k : keys) {
    catalog->rank_of_key.emplace(k.key, static_cast<std::uint32_t>(catalog->ids.size()));
    catalog->keys.push_back(std::move(k.key));
    catalog->ids.push_back(std::move(k.id));
  }
  std::lock_guard lock(mutex_);
  if (!current_ || current_->generation < generation) current_ = catalog;
  return catalog;
}

void CourseSearchIndex::forget(const std::shared_ptr<Catalog>& catalog) {
  std::lock_guard lock(mutex_);
  if (current_ == catalog) current_.reset();
}

void CourseSearchIndex::charge(Catalog& catalog, std::size_t bytes) const {
  if (catalog.bytes + bytes > max_bytes_) {
    catalog.words.clear();
    catalog.dropped.clear();
    catalog.bytes = 0;
  }
  catalog.bytes += bytes;
}

Result<std::shared_ptr<const WordPostings>> CourseSearchIndex::postings(Connection& c,
                                                                        Catalog& catalog,
                                                                        const std::string& word) {
  auto held = [&]() -> std::shared_ptr<const WordPostings> {
    std::lock_guard lock(catalog.mutex);
    auto it = catalog.words.find(word);
    return it == catalog.words.end() ? nullptr : it->second;
  };
  if (auto found = held()) return found;
  std::lock_guard build(build_mutex_);
  if (auto found = held()) return found;
  DL_ASSIGN_OR_RETURN(std::vector<WordColumn> matches,
                      CourseSearchRepository::word_columns(c, word));
  std::vector<std::uint8_t> columns(catalog.ids.size(), 0);
  for (const auto& m : matches) {
    // Keys outside the published set (drafts and archived courses in FTS5) are not listed.
    if (auto it = catalog.rank_of_key.find(m.key); it != catalog.rank_of_key.end())
      columns[it->second] |= m.column;
  }
  auto list = std::make_shared<WordPostings>(postings_from_columns(std::move(columns)));
  std::lock_guard lock(catalog.mutex);
  charge(catalog, list->bytes() + word.size());
  catalog.words[word] = list;
  return std::shared_ptr<const WordPostings>(std::move(list));
}

Result<bool> CourseSearchIndex::dropped(Connection& c, Catalog& catalog, const std::string& word,
                                        const std::string& partner) {
  {
    std::lock_guard lock(catalog.mutex);
    if (auto it = catalog.dropped.find(word); it != catalog.dropped.end()) return it->second;
  }
  // `word` matches no published course alone. If the matcher kept it, no
  // published course could match it together with `partner` either; if one
  // does, the matcher dropped it (an FTS5 word with no token, a PostgreSQL
  // stop word), and it must not restrict the search.
  DL_ASSIGN_OR_RETURN(bool drops, CourseSearchRepository::matches_published(c, {word, partner}));
  std::lock_guard lock(catalog.mutex);
  charge(catalog, word.size() + 1);
  catalog.dropped[word] = drops;
  return drops;
}

std::shared_ptr<CourseSearchIndex::Catalog> CourseSearchIndex::current_catalog() {
  std::lock_guard lock(mutex_);
  return current_;
}

Result<CourseSearchIndex::Outcome> CourseSearchIndex::search_in(
    Connection& c, const std::shared_ptr<Catalog>& catalog, const std::vector<std::string>& words,
    const CatalogPosition& position, const CourseQuery& query, int limit) {
  std::vector<std::shared_ptr<const WordPostings>> kept;  // keeps the lists alive
  std::vector<const WordPostings*> lists;
  std::vector<const std::string*> unmatched;
  const std::string* partner = nullptr;
  for (const auto& word : words) {
    DL_ASSIGN_OR_RETURN(std::shared_ptr<const WordPostings> list, postings(c, *catalog, word));
    if (list->ranks.empty()) {
      unmatched.push_back(&word);
    } else {
      lists.push_back(list.get());
      partner = &word;
    }
    kept.push_back(std::move(list));
  }
  if (lists.empty()) return Outcome{empty_page(), std::nullopt};
  for (const auto* word : unmatched) {
    DL_ASSIGN_OR_RETURN(bool drops, dropped(c, *catalog, *word, *partner));
    if (!drops) return Outcome{empty_page(), std::nullopt};
  }

  DL_ASSIGN_OR_RETURN(
      std::optional<Matches> matches,
      best_matches(c, lists, relevance_start(position, catalog->ids),
                   static_cast<std::size_t>(limit) + 1, catalog->keys, catalog->ids, query));
  if (!matches) {
    // Its keys read other rows (a VACUUM renumbered them): SQL answers,
    // and the next search builds the index anew.
    forget(catalog);
    return Outcome{std::nullopt, std::nullopt};
  }
  return Outcome{relevance_page(std::move(matches->found), limit), matches->generation};
}

Result<std::optional<Page<Course>>> CourseSearchIndex::search(Connection& c,
                                                              const CourseQuery& query,
                                                              const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(CatalogPosition position,
                      parse_catalog_position(page.after, CourseSort::kRelevance));
  const auto words = distinct_words(query.q.value_or(""));
  if (words.empty()) return empty_page();  // nothing searchable matches nothing
  // Optimistically on the index held: the page's own rows carry the
  // generation they were read at, so on PostgreSQL a search is one round trip
  // when the index is current. Otherwise (no index yet, a changed catalog,
  // keys that read other rows, or nothing read to tell) the generation is
  // asked first, as it must be.
  if (std::shared_ptr<Catalog> catalog = current_catalog()) {
    DL_ASSIGN_OR_RETURN(Outcome first, search_in(c, catalog, words, position, query, page.limit));
    if (first.page && first.generation == catalog->generation) return std::move(first.page);
  }
  DL_ASSIGN_OR_RETURN(std::int64_t generation, CourseSearchRepository::generation(c));
  DL_ASSIGN_OR_RETURN(std::shared_ptr<Catalog> catalog, catalog_at(c, generation));
  if (!catalog) return std::optional<Page<Course>>();
  DL_ASSIGN_OR_RETURN(Outcome checked, search_in(c, catalog, words, position, query, page.limit));
  return std::move(checked.page);
}

}  // namespace deltalabs::catalog
