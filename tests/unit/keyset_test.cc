// Keyset paging (storage/keyset.h): the clause DL_KEYSET_* writes is the
// predicate, order and limit every list statement used to spell out; walking
// a list page by page with query_page visits every row once, in key order
// either way, and ends with no next position; a reader's error is returned.
// Runs on SQLite always and on PostgreSQL when DELTALABS_TEST_PG names a server.
#include "storage/keyset.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/uuid.h"
#include "fresh_database_fixture.h"
#include "storage/database.h"

namespace deltalabs {
namespace {

struct Note {
  std::string id;
  std::string body;
};

Note note_from(const Row& r) { return {r.text(0), r.text(1)}; }

constexpr const char* kNotesAscending =
    "SELECT id, body FROM notes WHERE shelf = $1 AND " DL_KEYSET_ASC(id, 2, 3);
constexpr const char* kNotesDescending =
    "SELECT id, body FROM notes WHERE shelf = $1 AND " DL_KEYSET_DESC(id, 2, 3);
constexpr const char* kAllNotes = "SELECT id, body FROM notes WHERE " DL_KEYSET_ASC(id, 1, 2);

TEST(KeysetSqlTest, ClausesSpellThePredicateOrderAndLimit) {
  EXPECT_EQ(std::string_view(DL_KEYSET_ASC(x.id, 3, 4)),
            "($3 = '' OR CAST(x.id AS TEXT) > $3) ORDER BY x.id LIMIT $4");
  EXPECT_EQ(std::string_view(DL_KEYSET_DESC(id, 1, 2)),
            "($1 = '' OR CAST(id AS TEXT) < $1) ORDER BY id DESC LIMIT $2");
  EXPECT_EQ(std::string_view(DL_KEYSET_ASC_BY_TEXT(m.user_id, 2, 3)),
            "($2 = '' OR CAST(m.user_id AS TEXT) > $2) ORDER BY CAST(m.user_id AS TEXT) LIMIT $3");
}

TEST(KeysetParamsTest, PositionAndOneRowMoreThanTheLimitFollowTheStatementsOwn) {
  const Params params = keyset_params({"shelf", 7}, PageRequest{5, "after"});
  ASSERT_EQ(params.values().size(), 4u);
  EXPECT_EQ(std::get<std::string>(params.values()[0]), "shelf");
  EXPECT_EQ(std::get<std::int64_t>(params.values()[1]), 7);
  EXPECT_EQ(std::get<std::string>(params.values()[2]), "after");
  EXPECT_EQ(std::get<std::int64_t>(params.values()[3]), 6);
}

TEST(KeysetPageTest, RowsPastTheLimitAreNotReadAndGiveTheNextPosition) {
  RowSet rows({"id"});
  for (const char* id : {"a", "b", "c"}) rows.add_row({Value(std::string(id))});
  int read = 0;
  auto page = page_from(rows, PageRequest{2, ""}, [&read](const Row& r) {
    ++read;
    return Note{r.text(0), ""};
  });
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(read, 2);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->next, "b");

  auto last = page_from(rows, PageRequest{3, "x"}, [](const Row& r) {
    return Note{r.text(0), ""};
  });
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->items.size(), 3u);
  EXPECT_FALSE(last->next.has_value());
}

class KeysetTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("keyset", 2);
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = db_->write();
    ASSERT_TRUE((*conn)
                    ->execute_script("CREATE TABLE notes (id UUID PRIMARY KEY, shelf TEXT NOT "
                                     "NULL, body TEXT NOT NULL)")
                    .ok());
    for (int i = 0; i < 7; ++i) {
      ids_.push_back(new_uuid_v7());
      ASSERT_TRUE(
          (*conn)
              ->execute("INSERT INTO notes (id, shelf, body) VALUES ($1, $2, $3)",
                        {ids_.back(), i % 7 == 3 ? "other" : "main", "note " + std::to_string(i)})
              .ok());
    }
  }
  void TearDown() override { close_fresh(); }

  // Every id a walk of `sql` two at a time visits, and the number of pages.
  std::vector<std::string> walk(const char* sql, int& pages) {
    std::vector<std::string> seen;
    auto conn = db_->read();
    PageRequest request{2, ""};
    pages = 0;
    for (;;) {
      auto page = query_page(**conn, sql, {"main"}, request, note_from);
      EXPECT_TRUE(page.ok()) << page.error().cause;
      if (!page.ok()) break;
      ++pages;
      for (const Note& n : page->items) seen.push_back(n.id);
      if (!page->next) break;
      EXPECT_EQ(*page->next, page->items.back().id);
      request.after = *page->next;
    }
    return seen;
  }

  std::vector<std::string> ids_;  // in creation (= key) order
};

TEST_P(KeysetTest, AnAscendingWalkVisitsEveryRowOnceInKeyOrder) {
  int pages = 0;
  const auto seen = walk(kNotesAscending, pages);
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    if (i != 3) expected.push_back(ids_[i]);
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(pages, 3);  // 2 + 2 + 2: the last full page learns it is last from no row more
}

TEST_P(KeysetTest, ADescendingWalkVisitsEveryRowOnceNewestFirst) {
  int pages = 0;
  const auto seen = walk(kNotesDescending, pages);
  std::vector<std::string> expected;
  for (std::size_t i = ids_.size(); i-- > 0;) {
    if (i != 3) expected.push_back(ids_[i]);
  }
  EXPECT_EQ(seen, expected);
}

TEST_P(KeysetTest, AStatementWithoutFiltersBindsOnlyThePage) {
  auto conn = db_->read();
  auto page = query_page(**conn, kAllNotes, {}, PageRequest{10, ""}, note_from);
  ASSERT_TRUE(page.ok()) << page.error().cause;
  EXPECT_EQ(page->items.size(), 7u);
  EXPECT_EQ(page->items[3].body, "note 3");
  EXPECT_FALSE(page->next.has_value());
}

TEST_P(KeysetTest, AReadersErrorIsReturned) {
  auto conn = db_->read();
  auto page =
      query_page(**conn, kAllNotes, {}, PageRequest{3, ""}, [](const Row& r) -> Result<Note> {
        if (r.text(1) == "note 1") return Error::not_found("note");
        return note_from(r);
      });
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeysetTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
