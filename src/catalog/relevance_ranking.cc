#include "catalog/relevance_ranking.h"

#include <algorithm>
#include <array>

namespace deltalabs::catalog {

namespace {

constexpr std::size_t kScores = 8;  // 0..7: every sum of the three column weights
// A word in at least one course in this many keeps its columns by rank: a
// byte per published course buys a lookup instead of a gallop.
constexpr std::size_t kDenseOneIn = 16;

// The first position at or after `from` whose rank is at least `rank`:
// doubling steps, then a binary search inside the last step, so dense lists
// advance by one and sparse ones skip in logarithmic time.
std::size_t gallop(const std::vector<std::uint32_t>& ranks, std::size_t from, std::uint32_t rank) {
  std::size_t step = 1;
  std::size_t hi = from;
  while (hi < ranks.size() && ranks[hi] < rank) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = std::min(hi, ranks.size());
  return static_cast<std::size_t>(
      std::lower_bound(ranks.begin() + static_cast<std::ptrdiff_t>(from),
                       ranks.begin() + static_cast<std::ptrdiff_t>(hi), rank) -
      ranks.begin());
}

// Whether a row of this score and rank comes at or after the page's start.
bool at_or_after(const std::optional<RelevanceStart>& start, std::uint8_t score,
                 std::uint32_t rank) {
  if (!start) return true;
  if (score != start->score) return score < start->score;
  return rank >= start->first_rank;
}

// Whether the list holds `rank`, narrowing `score` to its columns there; `at`
// is the list's cursor for sparse lists, moved forward. Sets `exhausted` when
// a sparse list has no rank at or after `rank` left.
bool holds(const WordPostings& list, std::uint32_t rank, std::size_t& at, std::uint8_t& score,
           bool& exhausted) {
  if (!list.columns_by_rank.empty()) {
    const std::uint8_t columns = list.columns_by_rank[rank];
    score &= columns;
    return columns != 0;
  }
  at = gallop(list.ranks, at, rank);
  exhausted = at == list.ranks.size();
  if (exhausted || list.ranks[at] != rank) return false;
  score &= list.columns[at];
  return true;
}

// The best score a page from `start` can still contain: the highest score
// made only of columns every word appears in somewhere, and not above the
// start's score.
std::uint8_t best_reachable(const std::vector<const WordPostings*>& lists,
                            const std::optional<RelevanceStart>& start) {
  std::uint8_t reachable = kTitleColumn | kSubtitleColumn | kDescriptionColumn;
  for (const auto* list : lists) {
    std::uint8_t any = 0;
    for (std::uint8_t c : list->columns) any |= c;
    reachable &= any;
  }
  for (std::uint8_t s = kScores; s-- > 0;) {
    if ((s & ~reachable) == 0 && (!start || s <= start->score)) return s;
  }
  return 0;
}

}  // namespace

WordPostings postings_from_columns(std::vector<std::uint8_t> columns_by_rank) {
  WordPostings list;
  const auto count = static_cast<std::size_t>(std::count_if(
      columns_by_rank.begin(), columns_by_rank.end(), [](std::uint8_t b) { return b != 0; }));
  list.ranks.reserve(count);
  list.columns.reserve(count);
  for (std::size_t rank = 0; rank < columns_by_rank.size(); ++rank) {
    if (columns_by_rank[rank] == 0) continue;
    list.ranks.push_back(static_cast<std::uint32_t>(rank));
    list.columns.push_back(columns_by_rank[rank]);
  }
  if (count * kDenseOneIn >= columns_by_rank.size())
    list.columns_by_rank = std::move(columns_by_rank);
  return list;
}

std::vector<RankedMatch> rank_by_relevance(const std::vector<const WordPostings*>& words,
                                           const std::optional<RelevanceStart>& start,
                                           std::size_t cap) {
  std::vector<RankedMatch> out;
  if (words.empty() || cap == 0) return out;
  // Drive from the shortest list; every match is in it.
  std::vector<const WordPostings*> lists(words);
  std::sort(lists.begin(), lists.end(), [](const WordPostings* a, const WordPostings* b) {
    return a->ranks.size() < b->ranks.size();
  });
  const WordPostings& driver = *lists.front();
  std::vector<std::size_t> at(lists.size(), 0);
  // Ranks arrive in ascending order, so each score's bucket is already in
  // rank order; nothing past `cap` in one bucket can make the page.
  std::array<std::vector<RankedMatch>, kScores> buckets;
  // Once the best reachable score has `cap` rows, later ranks cannot make the page.
  const std::uint8_t best = best_reachable(lists, start);
  bool exhausted = false;  // a list ran out: no later rank holds every word
  for (std::size_t i = 0; i < driver.ranks.size() && !exhausted && buckets[best].size() < cap;
       ++i) {
    const std::uint32_t rank = driver.ranks[i];
    std::uint8_t score = driver.columns[i];
    bool all = true;
    for (std::size_t w = 1; w < lists.size() && all; ++w)
      all = holds(*lists[w], rank, at[w], score, exhausted);
    if (!all || !at_or_after(start, score, rank)) continue;
    if (buckets[score].size() < cap) buckets[score].push_back({rank, score});
  }
  for (std::size_t s = kScores; s-- > 0 && out.size() < cap;) {
    const auto& bucket = buckets[s];
    const std::size_t take = std::min(bucket.size(), cap - out.size());
    out.insert(out.end(), bucket.begin(), bucket.begin() + static_cast<std::ptrdiff_t>(take));
  }
  return out;
}

}  // namespace deltalabs::catalog
