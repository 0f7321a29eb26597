// Row mappings (storage/row_mapping.h, storage/sql_text.h): one declaration
// per model writes the column list of its statements at compile time and
// reads each column into the field named beside it, whatever the field's
// type (text, integer, boolean, real, each optional), with NULL read as
// nullopt; rows read the same whether they were fetched (query) or are read
// in place (query_each), and a mapping may start after leading columns.
// Runs on SQLite always and on PostgreSQL when DELTALABS_TEST_PG names a server.
#include "storage/row_mapping.h"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/uuid.h"
#include "fresh_database_fixture.h"
#include "storage/database.h"
#include "storage/sql_text.h"

namespace deltalabs {
namespace {

struct Gadget {
  std::string id;
  std::string name;
  std::optional<std::string> note;
  std::int64_t count = 0;
  std::optional<std::int64_t> limit;
  bool active = false;
  std::optional<bool> checked;
  double ratio = 0;
  std::optional<double> score;
  std::string untouched = "default";  // not mapped: keeps its value
};

inline constexpr auto kGadgetRow = row_mapping<Gadget>({
    {"id", &Gadget::id},
    {"name", &Gadget::name},
    {"note", &Gadget::note},
    {"count", &Gadget::count},
    {"lim", &Gadget::limit},
    {"active", &Gadget::active},
    {"checked", &Gadget::checked},
    {"ratio", &Gadget::ratio},
    {"score", &Gadget::score},
});
inline constexpr auto kSelectGadget =
    sql_concat("SELECT ", column_list<kGadgetRow>(), " FROM gadgets WHERE id = $1");
// The columns a RowReader reads in place: all but the reals.
inline constexpr auto kGadgetInPlaceRow = row_mapping<Gadget>({
    {"id", &Gadget::id},
    {"name", &Gadget::name},
    {"note", &Gadget::note},
    {"count", &Gadget::count},
    {"lim", &Gadget::limit},
    {"active", &Gadget::active},
    {"checked", &Gadget::checked},
});
inline constexpr auto kSelectGadgetInPlace =
    sql_concat("SELECT ", column_list<kGadgetInPlaceRow>(), " FROM gadgets WHERE id = $1");
inline constexpr auto kSelectTaggedGadget =
    sql_concat("SELECT 'tag', ", column_list<kGadgetRow>(), " FROM gadgets WHERE id = $1");

TEST(SqlTextTest, ColumnListsAndStatementsAreComposedAtCompileTime) {
  static_assert(kGadgetRow.size() == 9);
  static_assert(std::string_view(kSelectGadget) ==
                "SELECT id, name, note, count, lim, active, checked, ratio, score FROM gadgets "
                "WHERE id = $1");
  constexpr const char* as_pointer = kSelectGadget;
  EXPECT_EQ(std::string_view(as_pointer), kSelectGadget.view());
  EXPECT_EQ(std::string_view(sql_concat("a", sql_concat("b", "c"), "")), "abc");
  EXPECT_EQ(decltype(sql_concat("ab", "c"))::size(), 3u);
}

TEST(RowMappingTest, AFetchedRowIsReadIntoTheFieldsNamedBesideItsColumns) {
  RowSet rows({"id", "name", "note", "count", "lim", "active", "checked", "ratio", "score"});
  rows.add_row({Value(std::string("g1")), Value(std::string("first")), Value(),
                Value(std::int64_t{3}), Value(std::int64_t{7}), Value(true), Value(), Value(0.5),
                Value(2.25)});
  Gadget g = kGadgetRow.read(rows[0]);
  EXPECT_EQ(g.id, "g1");
  EXPECT_EQ(g.name, "first");
  EXPECT_FALSE(g.note.has_value());
  EXPECT_EQ(g.count, 3);
  EXPECT_EQ(g.limit, 7);
  EXPECT_TRUE(g.active);
  EXPECT_FALSE(g.checked.has_value());
  EXPECT_DOUBLE_EQ(g.ratio, 0.5);
  EXPECT_EQ(g.score, 2.25);
  EXPECT_EQ(g.untouched, "default");
}

class RowMappingStorageTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("row_mapping", 2);
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = db_->write();
    ASSERT_TRUE((*conn)
                    ->execute_script(
                        "CREATE TABLE gadgets (id UUID PRIMARY KEY, name TEXT NOT NULL, note TEXT, "
                        "count INTEGER NOT NULL, lim INTEGER, active BOOLEAN NOT NULL, checked "
                        "BOOLEAN, ratio DOUBLE PRECISION NOT NULL, score DOUBLE PRECISION)")
                    .ok());
    full_ = new_uuid_v7();
    empty_ = new_uuid_v7();
    const char* insert =
        "INSERT INTO gadgets (id, name, note, count, lim, active, checked, ratio, score) VALUES "
        "($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    ASSERT_TRUE((*conn)
                    ->execute(insert, {full_, "full", "a note", std::int64_t{42}, std::int64_t{-1},
                                       true, false, 0.125, 99.5})
                    .ok());
    ASSERT_TRUE((*conn)
                    ->execute(insert, {empty_, "empty", std::nullopt, std::int64_t{0}, std::nullopt,
                                       false, std::nullopt, 0.0, std::nullopt})
                    .ok());
  }
  void TearDown() override { close_fresh(); }

  std::string full_;
  std::string empty_;
};

TEST_P(RowMappingStorageTest, EveryFieldTypeRoundTripsAndNullsReadAsNullopt) {
  auto conn = db_->read();
  auto rows = (*conn)->query(kSelectGadget, {full_});
  ASSERT_TRUE(rows.ok()) << rows.error().cause;
  ASSERT_EQ(rows->size(), 1u);
  const Gadget g = kGadgetRow.read((*rows)[0]);
  EXPECT_EQ(g.id, full_);
  EXPECT_EQ(g.name, "full");
  EXPECT_EQ(g.note, "a note");
  EXPECT_EQ(g.count, 42);
  EXPECT_EQ(g.limit, -1);
  EXPECT_TRUE(g.active);
  EXPECT_EQ(g.checked, false);
  EXPECT_DOUBLE_EQ(g.ratio, 0.125);
  EXPECT_EQ(g.score, 99.5);

  auto none = (*conn)->query(kSelectGadget, {empty_});
  ASSERT_TRUE(none.ok()) << none.error().cause;
  const Gadget e = kGadgetRow.read((*none)[0]);
  EXPECT_EQ(e.name, "empty");
  EXPECT_FALSE(e.note.has_value());
  EXPECT_FALSE(e.limit.has_value());
  EXPECT_FALSE(e.active);
  EXPECT_FALSE(e.checked.has_value());
  EXPECT_FALSE(e.score.has_value());
}

TEST_P(RowMappingStorageTest, AMappingReadsFromItsFirstColumnOnward) {
  auto conn = db_->read();
  auto rows = (*conn)->query(kSelectTaggedGadget, {full_});
  ASSERT_TRUE(rows.ok()) << rows.error().cause;
  EXPECT_EQ((*rows)[0].text(0), "tag");
  const Gadget g = kGadgetRow.read((*rows)[0], 1);
  EXPECT_EQ(g.id, full_);
  EXPECT_EQ(g.score, 99.5);
}

TEST_P(RowMappingStorageTest, RowsReadInPlaceReadAsFetchedOnesAndReuseOneStruct) {
  auto conn = db_->read();
  for (const std::string& id : {full_, empty_}) {
    auto rows = (*conn)->query(kSelectGadget, {id});
    ASSERT_TRUE(rows.ok()) << rows.error().cause;
    const Gadget fetched = kGadgetRow.read((*rows)[0]);
    Gadget in_place;
    in_place.note = "stale";
    in_place.checked = true;
    auto visited = (*conn)->query_each(kSelectGadgetInPlace, {id}, [&](const RowReader& r) {
      kGadgetInPlaceRow.read_into(r, in_place);
    });
    ASSERT_TRUE(visited.ok()) << visited.error().cause;
    EXPECT_EQ(in_place.id, fetched.id);
    EXPECT_EQ(in_place.name, fetched.name);
    EXPECT_EQ(in_place.note, fetched.note);
    EXPECT_EQ(in_place.count, fetched.count);
    EXPECT_EQ(in_place.limit, fetched.limit);
    EXPECT_EQ(in_place.active, fetched.active);
    EXPECT_EQ(in_place.checked, fetched.checked);
  }
  // Reals are read from fetched rows only: in place, they refuse rather than round.
  EXPECT_THROW(static_cast<void>((*conn)->query_each(
                   kSelectGadget, {full_},
                   [&](const RowReader& r) { static_cast<void>(kGadgetRow.read(r)); })),
               std::logic_error);
}

INSTANTIATE_TEST_SUITE_P(Backends, RowMappingStorageTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
