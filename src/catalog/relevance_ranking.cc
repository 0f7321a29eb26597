#include "catalog/relevance_ranking.h"

#include <algorithm>
#include <array>

namespace deltalabs::catalog {

namespace {

constexpr std::size_t kScores = 8;  // 0..7: every sum of the three column weights

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

}  // namespace

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
  bool exhausted = false;  // a list ran out: no later rank holds every word
  for (std::size_t i = 0; i < driver.ranks.size() && !exhausted; ++i) {
    const std::uint32_t rank = driver.ranks[i];
    std::uint8_t score = driver.columns[i];
    bool all = true;
    for (std::size_t w = 1; w < lists.size() && all; ++w) {
      const auto& other = *lists[w];
      at[w] = gallop(other.ranks, at[w], rank);
      exhausted = at[w] == other.ranks.size();
      all = !exhausted && other.ranks[at[w]] == rank;
      if (all) score &= other.columns[at[w]];
    }
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
