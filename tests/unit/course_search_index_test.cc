// CourseSearchIndex: relevance search from in-memory posting lists must give
// exactly what the SQL listing gives (same matches, scores, order, cursors,
// filters) on every backend, and must see every change to the published
// catalog at once, whoever makes it, through the generation counter that the
// triggers of migration 0010 move. rank_by_relevance is checked on its own
// first. The backend tests run on SQLite always and on PostgreSQL when
// DELTALABS_TEST_PG names a server.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "catalog/course_catalog_repository.h"
#include "catalog/course_search_index.h"
#include "catalog/relevance_ranking.h"
#include "core/crypto.h"
#include "core/uuid.h"
#include "fresh_database_fixture.h"
#include "storage/database.h"
#include "storage/migrator.h"

namespace deltalabs::catalog {
namespace {

WordPostings list(std::vector<std::uint32_t> ranks, std::vector<std::uint8_t> columns) {
  return WordPostings{std::move(ranks), std::move(columns)};
}

std::vector<std::pair<std::uint32_t, int>> flat(const std::vector<RankedMatch>& ranked) {
  std::vector<std::pair<std::uint32_t, int>> out;
  for (const auto& m : ranked) out.emplace_back(m.rank, m.score);
  return out;
}

TEST(RankByRelevance, ScoresTheColumnsHoldingEveryWordThenOrdersByRank) {
  const auto a = list({1, 3, 5, 8, 9}, {4, 6, 1, 7, 2});
  const auto b = list({0, 3, 5, 8, 9, 12}, {4, 2, 4, 5, 2, 1});
  // 3: 6&2 = 2; 5: 1&4 = 0 (words in different columns still match); 8: 7&5 = 5; 9: 2&2 = 2.
  EXPECT_EQ(flat(rank_by_relevance({&a, &b}, std::nullopt, 10)),
            (std::vector<std::pair<std::uint32_t, int>>{{8, 5}, {3, 2}, {9, 2}, {5, 0}}));
  EXPECT_EQ(flat(rank_by_relevance({&b, &a}, std::nullopt, 2)),
            (std::vector<std::pair<std::uint32_t, int>>{{8, 5}, {3, 2}}));
}

TEST(RankByRelevance, StartsAfterAPositionWithinItsScore) {
  const auto a = list({1, 3, 5, 8, 9}, {4, 6, 1, 7, 2});
  const auto b = list({0, 3, 5, 8, 9, 12}, {4, 2, 4, 5, 2, 1});
  // After (score 2, rank 3): the rest of score 2 from rank 4 on, then lower scores.
  EXPECT_EQ(flat(rank_by_relevance({&a, &b}, RelevanceStart{2, 4}, 10)),
            (std::vector<std::pair<std::uint32_t, int>>{{9, 2}, {5, 0}}));
  EXPECT_TRUE(rank_by_relevance({&a, &b}, RelevanceStart{0, 6}, 10).empty());
}

TEST(RankByRelevance, MatchesNothingWhenAWordIsMissingOrAListRunsOut) {
  const auto a = list({1, 2, 3}, {1, 1, 1});
  const auto b = list({4, 5}, {1, 1});
  const auto none = list({}, {});
  EXPECT_TRUE(rank_by_relevance({&a, &b}, std::nullopt, 10).empty());
  EXPECT_TRUE(rank_by_relevance({&a, &none}, std::nullopt, 10).empty());
  EXPECT_EQ(rank_by_relevance({&a}, std::nullopt, 10).size(), 3u);
}

TEST(RankByRelevance, SkipsThroughALongListToTheRanksOfAShortOne) {
  WordPostings many;
  for (std::uint32_t r = 0; r < 100000; ++r) {
    many.ranks.push_back(r);
    many.columns.push_back(r % 3 == 0 ? 4 : 1);
  }
  const auto few = list({3, 70000, 99999}, {7, 7, 7});
  EXPECT_EQ(flat(rank_by_relevance({&many, &few}, std::nullopt, 10)),
            (std::vector<std::pair<std::uint32_t, int>>{{3, 4}, {99999, 4}, {70000, 1}}));
}

// The ranking by definition: every rank holding every word, scored, sorted
// by score then rank, from the start on, cut at `cap`.
std::vector<std::pair<std::uint32_t, int>> brute_force(
    const std::vector<const WordPostings*>& words, const std::optional<RelevanceStart>& start,
    std::size_t cap) {
  std::vector<std::pair<std::uint32_t, int>> all;
  const auto& first = *words.front();
  for (std::size_t i = 0; i < first.ranks.size(); ++i) {
    int score = first.columns[i];
    bool everywhere = true;
    for (std::size_t w = 1; w < words.size(); ++w) {
      const auto& other = *words[w];
      const auto at = std::find(other.ranks.begin(), other.ranks.end(), first.ranks[i]);
      everywhere = everywhere && at != other.ranks.end();
      if (everywhere) score &= other.columns[static_cast<std::size_t>(at - other.ranks.begin())];
    }
    const bool after = !start || (score == start->score ? first.ranks[i] >= start->first_rank
                                                        : score < start->score);
    if (everywhere && after) all.emplace_back(first.ranks[i], score);
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (all.size() > cap) all.resize(cap);
  return all;
}

TEST(RankByRelevance, DenseWordsRankExactlyAsTheirSparseLists) {
  // Words held by many courses keep their columns by rank and are looked up,
  // not galloped through: the ranking must not notice which form it reads.
  std::mt19937 random(7);
  const std::size_t catalog = 5000;
  for (int round = 0; round < 20; ++round) {
    std::vector<WordPostings> dense;
    std::vector<WordPostings> sparse;
    for (int word = 0; word < 3; ++word) {
      std::vector<std::uint8_t> columns(catalog, 0);
      const unsigned one_in = word == 0 ? 200 : 2;  // one rare word, two common ones
      for (auto& c : columns)
        if (random() % one_in == 0) c = static_cast<std::uint8_t>(1 + random() % 7);
      dense.push_back(postings_from_columns(columns));
      sparse.push_back(list(dense.back().ranks, dense.back().columns));
    }
    ASSERT_TRUE(dense[0].columns_by_rank.empty());
    ASSERT_FALSE(dense[1].columns_by_rank.empty());
    const std::optional<RelevanceStart> start =
        round % 2 ? std::optional<RelevanceStart>(RelevanceStart{3, 2500}) : std::nullopt;
    for (std::size_t cap : {1, 21, 5000}) {
      EXPECT_EQ(flat(rank_by_relevance({&dense[1], &dense[2]}, start, cap)),
                brute_force({&sparse[1], &sparse[2]}, start, cap));
      EXPECT_EQ(flat(rank_by_relevance({&dense[1], &dense[2]}, start, cap)),
                flat(rank_by_relevance({&sparse[1], &sparse[2]}, start, cap)));
      EXPECT_EQ(flat(rank_by_relevance({&dense[0], &dense[1], &dense[2]}, start, cap)),
                flat(rank_by_relevance({&sparse[0], &sparse[1], &sparse[2]}, start, cap)));
    }
  }
}

// --- against the SQL listing, on a real database ------------------------------------------

constexpr std::array<const char*, 14> kVocabulary = {
    "rust",    "python",   "systems", "design", "learning", "learn",   "learns",
    "project", "projects", "data",    "the",    "and",      "cooking", "kitchen"};

class CourseSearchIndexTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("search", 4);
    if (IsSkipped() || HasFatalFailure()) return;
    Migrator migrator(*db_);
    auto migrated = migrator.migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.error().cause;
    seed();
  }

  void TearDown() override { close_fresh(); }

  std::string words(std::mt19937& rng, int from, int to) {
    std::string out;
    const int n = std::uniform_int_distribution<int>(from, to)(rng);
    for (int i = 0; i < n; ++i) {
      if (!out.empty()) out += ' ';
      out +=
          kVocabulary[std::uniform_int_distribution<std::size_t>(0, kVocabulary.size() - 1)(rng)];
    }
    return out;
  }

  // 120 courses of random words: most published, some drafts and archived,
  // two categories, three languages, a spread of prices.
  void seed() {
    std::mt19937 rng(20261124);
    ASSERT_TRUE(db_->transaction([&](Connection& c) -> Status {
                     const char* at = "2026-11-24T00:00:00.000Z";
                     for (const char* slug : {"one", "two"}) {
                       DL_TRY(
                           c.execute("INSERT INTO course_categories (id, slug, name, created_at) "
                                     "VALUES ($1, $2, $2, $3)",
                                     {new_uuid_v7(), slug, at}));
                     }
                     DL_TRY(
                         c.execute("INSERT INTO course_levels (id, slug, name, created_at) "
                                   "VALUES ($1, 'any', 'Any', $2)",
                                   {new_uuid_v7(), at}));
                     return {};
                   })
                    .ok());
    for (int i = 0; i < 120; ++i) add_course(rng, i);
  }

  void add_course(std::mt19937& rng, int i) {
    const char* statuses[] = {"published", "published", "published", "draft", "archived"};
    const char* languages[] = {"en", "de", "fr"};
    const std::int64_t prices[] = {0, 500, 1000, 5000};
    ASSERT_TRUE(db_->transaction([&](Connection& c) -> Status {
                     DL_TRY(c.execute(
                         "INSERT INTO courses (id, slug, title, subtitle, description, "
                         "category_id, level_id, language, price_amount_minor, status, "
                         "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, "
                         "(SELECT id FROM course_categories WHERE slug = $6), "
                         "(SELECT id FROM course_levels WHERE slug = 'any'), $7, $8, $9, $10, "
                         "$10)",
                         {new_uuid_v7(), "course-" + std::to_string(i) + "-" + random_token(4),
                          words(rng, 1, 3), words(rng, 2, 4), words(rng, 3, 8),
                          i % 2 == 0 ? "one" : "two", languages[i % 3], prices[i % 4],
                          statuses[std::uniform_int_distribution<int>(0, 4)(rng)],
                          "2026-11-24T00:00:00.000Z"}));
                     return {};
                   })
                    .ok());
  }

  // Every page of a query, walked `limit` at a time, as ids and cursors.
  template <class List>
  std::vector<std::string> walk(List list_page, CourseQuery query, int limit) {
    std::vector<std::string> seen;
    PageRequest page{limit, ""};
    for (int guard = 0; guard < 200; ++guard) {
      auto conn = db_->read();
      EXPECT_TRUE(conn.ok());
      Result<Page<Course>> result = list_page(**conn, query, page);
      EXPECT_TRUE(result.ok()) << result.error().cause;
      if (!result.ok()) break;
      for (const auto& c : result->items) seen.push_back(c.id);
      if (!result->next) break;
      seen.push_back("cursor:" + *result->next);
      page.after = *result->next;
    }
    return seen;
  }

  void expect_same_as_sql(CourseSearchIndex& index, const CourseQuery& query, int limit) {
    auto sql = walk(
        [](Connection& c, const CourseQuery& q, const PageRequest& p) {
          return collect_page<Course>(
              [&](const auto& item) { return CourseCatalogRepository::each(c, q, p, item); });
        },
        query, limit);
    auto indexed = walk(
        [&](Connection& c, const CourseQuery& q, const PageRequest& p) -> Result<Page<Course>> {
          DL_ASSIGN_OR_RETURN(std::optional<Page<Course>> found, index.search(c, q, p));
          if (!found) return Error::internal("the index did not answer");
          return std::move(*found);
        },
        query, limit);
    EXPECT_EQ(indexed, sql) << "q=" << *query.q << " limit=" << limit;
  }
};

CourseQuery relevance(std::string q) {
  CourseQuery query;
  query.q = std::move(q);
  query.sort = CourseSort::kRelevance;
  return query;
}

TEST_P(CourseSearchIndexTest, AnswersEveryQueryAsTheSqlListingDoes) {
  CourseSearchIndex index;
  std::vector<std::string> queries(kVocabulary.begin(), kVocabulary.end());
  std::mt19937 rng(7);
  for (int i = 0; i < 40; ++i) queries.push_back(words(rng, 2, 3));
  // A word the matcher keeps but nothing holds; one with no token for FTS5
  // (an em dash); stop words alone and beside a real word; a repeated word.
  for (const char* q : {"zzzz", "rust zzzz", "\xE2\x80\x94", "rust \xE2\x80\x94", "the and",
                        "the rust", "RUST, rust!", "learning projects data"})
    queries.emplace_back(q);
  for (const auto& q : queries) {
    expect_same_as_sql(index, relevance(q), 4);
    expect_same_as_sql(index, relevance(q), 100);
  }
}

TEST_P(CourseSearchIndexTest, AppliesEveryFilterAsTheSqlListingDoes) {
  CourseSearchIndex index;
  for (const char* q : {"rust", "learn projects", "the design"}) {
    CourseQuery query = relevance(q);
    query.language = "de";
    expect_same_as_sql(index, query, 3);
    query = relevance(q);
    query.category = "two";
    query.price_max = 1000;
    expect_same_as_sql(index, query, 3);
    query = relevance(q);
    query.free = false;
    expect_same_as_sql(index, query, 2);
    query = relevance(q);
    query.free = true;
    query.language = "fr";  // few rows pass: the index ranks further, round after round
    expect_same_as_sql(index, query, 1);
  }
}

TEST_P(CourseSearchIndexTest, SeesEveryChangeToThePublishedCatalogAtOnce) {
  CourseSearchIndex index;
  const auto generation = [&] {
    auto conn = db_->read();
    auto rows = (*conn)->query("SELECT generation FROM course_search_generation");
    EXPECT_TRUE(rows.ok());
    return (*rows)[0].integer(0);
  };
  const auto execute = [&](const std::string& statement) {
    auto conn = db_->write();
    auto done = (*conn)->execute(statement);
    ASSERT_TRUE(done.ok()) << done.error().cause;
  };
  expect_same_as_sql(index, relevance("kitchen"), 5);  // builds the index of this generation
  const auto before = generation();
  // Counters and drafts are not searched: the index stays valid.
  execute("UPDATE courses SET enrollment_count = enrollment_count + 1");
  EXPECT_EQ(generation(), before);
  if (GetParam() == "sqlite") {  // PostgreSQL's statement triggers count any title update
    execute("UPDATE courses SET title = 'draft only' WHERE status = 'draft'");
    EXPECT_EQ(generation(), before);
  }
  // Writes made outside any service (here: plain statements) still show.
  execute(
      "UPDATE courses SET title = 'zebra kitchen' WHERE status = 'published' AND id IN "
      "(SELECT id FROM courses WHERE status = 'published' ORDER BY id LIMIT 3)");
  EXPECT_GT(generation(), before);
  expect_same_as_sql(index, relevance("zebra"), 2);
  expect_same_as_sql(index, relevance("kitchen"), 5);
  execute(
      "UPDATE courses SET status = 'archived' WHERE title = 'zebra kitchen' AND id = "
      "(SELECT id FROM courses WHERE title = 'zebra kitchen' ORDER BY id LIMIT 1)");
  expect_same_as_sql(index, relevance("zebra"), 2);
  std::mt19937 rng(99);
  for (int i = 0; i < 5; ++i) add_course(rng, 200 + i);
  execute("UPDATE courses SET status = 'published', title = 'zebra' WHERE status = 'draft'");
  expect_same_as_sql(index, relevance("zebra"), 3);
  execute("DELETE FROM courses WHERE title = 'zebra'");
  expect_same_as_sql(index, relevance("zebra"), 3);
}

// On SQLite the index reads its ranked rows by rowid, which a VACUUM may
// renumber without any change the generation counter watches. A search that
// finds its keys reading other courses must not answer with them (no wrong
// course, none missing): it builds the index anew and answers as SQL does.
TEST_P(CourseSearchIndexTest, AnIndexWhoseRowidsWereRenumberedIsBuiltAnew) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "rowids are SQLite's";
  CourseSearchIndex index;
  expect_same_as_sql(index, relevance("rust"), 100);  // builds the index
  {
    auto conn = db_->write();
    ASSERT_TRUE(conn.ok());
    // Reverse the rowids, so every key now reads another course, and rebuild
    // the full-text table, which is keyed by them as well.
    ASSERT_TRUE((*conn)
                    ->execute_script("UPDATE courses SET rowid = -rowid; "
                                     "UPDATE courses SET rowid = 1000 + rowid; "
                                     "INSERT INTO courses_fts (courses_fts) VALUES ('rebuild');")
                    .ok());
  }
  expect_same_as_sql(index, relevance("rust"), 100);  // rebuilt: answers again, as SQL does
  expect_same_as_sql(index, relevance("learn projects"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, CourseSearchIndexTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs::catalog
