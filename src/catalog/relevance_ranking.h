#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace deltalabs::catalog {

// Column bits of a match; a course's relevance is the sum of the columns that
// hold every word of the query (title 4, subtitle 2, description 1), the same
// score the SQL listing computes.
inline constexpr std::uint8_t kTitleColumn = 4;
inline constexpr std::uint8_t kSubtitleColumn = 2;
inline constexpr std::uint8_t kDescriptionColumn = 1;

// The published courses holding one query word: their ranks (positions in id
// order, ascending, no repeats) and, for each, the columns the word is in.
// A word held by many courses also keeps its columns by rank (0 where it is
// absent), so a query pairing it with another word looks each rank up instead
// of galloping through it.
struct WordPostings {
  std::vector<std::uint32_t> ranks;
  std::vector<std::uint8_t> columns;
  std::vector<std::uint8_t> columns_by_rank;  // empty, or one entry per published course

  // Memory held, for the index's bound.
  std::size_t bytes() const {
    return ranks.capacity() * sizeof(std::uint32_t) + columns.capacity() +
           columns_by_rank.capacity();
  }
};

// A word's postings from its columns by rank (every published course, 0 where
// the word is absent); dense ones keep that array too.
WordPostings postings_from_columns(std::vector<std::uint8_t> columns_by_rank);

// One course of a relevance ranking: its rank (position in id order) and score (0..7).
struct RankedMatch {
  std::uint32_t rank;
  std::uint8_t score;
};

// Where a relevance page starts: the rows of `score` whose rank is at least
// `first_rank`, then every row of a lower score.
struct RelevanceStart {
  std::int64_t score;
  std::uint32_t first_rank;
};

// The courses that hold every word, best score first and by rank within a
// score, from `start` on; at most `cap` of them. Costs one pass over the
// shortest list with a lookup (dense lists) or galloping skips (sparse ones)
// in the others, whatever `cap` is.
std::vector<RankedMatch> rank_by_relevance(const std::vector<const WordPostings*>& words,
                                           const std::optional<RelevanceStart>& start,
                                           std::size_t cap);

}  // namespace deltalabs::catalog
