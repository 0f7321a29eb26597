// A model's data path declared once (storage/row_mapping.h, sql_text.h,
// row_table.h): DL_COLUMNS names each column after its field, in the order
// written, with or without a table alias and beside explicit entries;
// select_where, insert_into and a RowTable's kSelectById and where compose a
// model's statements at compile time; a RowTable finds a row by id (404 named once, also for a
// non-UUID id), reads first/all rows, pages with the keyset clause and reads back what it inserts.
// Runs on SQLite always and on PostgreSQL when DELTALABS_TEST_PG names a server.
#include "storage/row_table.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/uuid.h"
#include "fresh_database_fixture.h"
#include "storage/database.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/sql_text.h"

namespace deltalabs {
namespace {

struct Widget {
  std::string id;
  std::string shelf;
  std::string name;
  std::optional<std::string> note;
  std::int64_t uses = 0;
};

inline constexpr auto kWidgetRow =
    row_mapping<Widget>({DL_COLUMNS(Widget, id, shelf, name, note), {"uses + 1", &Widget::uses}});
inline constexpr auto kAliasedWidgetRow = row_mapping<Widget>({DL_COLUMNS_OF(w, Widget, id, shelf),
                                                               {"upper(w.name)", &Widget::name},
                                                               DL_COLUMNS_OF(w, Widget, note)});
inline constexpr auto kSelectWidget = select_where<kWidgetRow>("widgets", "id = $1");
inline constexpr auto kInsertWidget = insert_into<"widgets", "id, shelf, name, note, uses">();
inline constexpr RowTable<kWidgetRow, "widgets"> kWidgets{"widget"};
inline constexpr auto kListWidgets = kWidgets.where("shelf = $1 AND " DL_KEYSET_ASC(id, 2, 3));
inline constexpr RowTable<kAliasedWidgetRow, "widgets w", "w.id"> kAliasedWidgets{"widget"};

TEST(RowDeclarationTest, ColumnsAreNamedAfterTheirFieldsInTheOrderWritten) {
  static_assert(kWidgetRow.size() == 5);
  static_assert(std::string_view(column_list<kWidgetRow>()) == "id, shelf, name, note, uses + 1");
  EXPECT_EQ(kWidgetRow.columns()[3].name(), "note");
}

TEST(RowDeclarationTest, AnAliasPrefixesEachNameAndMixesWithExplicitColumns) {
  static_assert(std::string_view(column_list<kAliasedWidgetRow>()) ==
                "w.id, w.shelf, upper(w.name), w.note");
  Widget w;
  RowSet rows({"id", "shelf", "name", "note"});
  rows.add_row(
      {Value(std::string("i")), Value(std::string("s")), Value(std::string("N")), Value()});
  kAliasedWidgetRow.read_into(rows[0], w);
  EXPECT_EQ(w.name, "N");
  EXPECT_EQ(w.note, std::nullopt);
}

TEST(RowDeclarationTest, StatementsAreComposedFromTheMappingAndTheTable) {
  static_assert(std::string_view(kSelectWidget) ==
                "SELECT id, shelf, name, note, uses + 1 FROM widgets WHERE id = $1");
  static_assert(std::string_view(kInsertWidget) ==
                "INSERT INTO widgets (id, shelf, name, note, uses) VALUES ($1, $2, $3, $4, $5)");
  EXPECT_EQ(std::string_view(insert_into<"t", "a, b, c, d, e, f, g, h, i, j, k">()),
            "INSERT INTO t (a, b, c, d, e, f, g, h, i, j, k) VALUES ($1, $2, $3, $4, $5, $6, $7, "
            "$8, $9, $10, $11)");
  EXPECT_EQ(std::string_view(select_from<kWidgetRow>("widgets w")),
            "SELECT id, shelf, name, note, uses + 1 FROM widgets w ");
}

TEST(RowDeclarationTest, ATableWritesItsSelectByKeyAndItsFilteredStatements) {
  static_assert(std::string_view(kWidgets.kSelectById) == std::string_view(kSelectWidget));
  static_assert(std::string_view(kAliasedWidgets.kSelectById) ==
                "SELECT w.id, w.shelf, upper(w.name), w.note FROM widgets w WHERE w.id = $1");
  EXPECT_EQ(std::string_view(kListWidgets),
            "SELECT id, shelf, name, note, uses + 1 FROM widgets WHERE shelf = $1 AND ($2 = '' OR "
            "CAST(id AS TEXT) > $2) ORDER BY id LIMIT $3");
}

class RowTableTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("row_table", 2);
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = db_->write();
    ASSERT_TRUE((*conn)
                    ->execute_script("CREATE TABLE widgets (id UUID PRIMARY KEY, shelf TEXT NOT "
                                     "NULL, name TEXT NOT NULL, note TEXT, uses INTEGER NOT NULL)")
                    .ok());
  }
  void TearDown() override { close_fresh(); }

  std::string add(Connection& c, const std::string& shelf, const std::string& name) {
    const std::string id = new_uuid_v7();
    auto widget = kWidgets.insert(c, kInsertWidget, {id, shelf, name, std::nullopt, 1}, id);
    EXPECT_TRUE(widget.ok());
    return id;
  }
};

TEST_P(RowTableTest, InsertReadsBackTheRowAndFindReadsItById) {
  auto conn = db_->write();
  const std::string id = new_uuid_v7();
  auto inserted = kWidgets.insert(**conn, kInsertWidget, {id, "a", "bolt", "zinc", 4}, id);
  ASSERT_TRUE(inserted.ok());
  EXPECT_EQ(inserted.value().uses, 5);
  auto found = kWidgets.find(**conn, id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value().name, "bolt");
  EXPECT_EQ(found.value().note, "zinc");
}

TEST_P(RowTableTest, AMissingOrMalformedIdIsTheNamedNotFound) {
  auto conn = db_->write();
  for (const std::string& id : {new_uuid_v7(), std::string("not-a-uuid")}) {
    auto found = kWidgets.find(**conn, id);
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(found.error().code, "WIDGET_NOT_FOUND");
  }
  auto none = kWidgets.first(**conn, kSelectWidget, {new_uuid_v7()});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value().has_value());
}

TEST_P(RowTableTest, PagesFollowTheKeysetAndAllReadsEveryRow) {
  auto conn = db_->write();
  const std::string first = add(**conn, "s", "one");
  const std::string second = add(**conn, "s", "two");
  const std::string third = add(**conn, "s", "three");
  add(**conn, "other", "four");
  auto page = kWidgets.page(**conn, kListWidgets, {"s"}, PageRequest{2, ""});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page.value().items.size(), 2u);
  EXPECT_EQ(page.value().items[1].id, second);
  ASSERT_EQ(page.value().next, second);
  auto rest = kWidgets.page(**conn, kListWidgets, {"s"}, PageRequest{2, second});
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest.value().items.size(), 1u);
  EXPECT_EQ(rest.value().items[0].id, third);
  EXPECT_FALSE(rest.value().next.has_value());
  auto all =
      kWidgets.all(**conn, "SELECT id, shelf, name, note, uses FROM widgets ORDER BY id", {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all.value().size(), 4u);
  EXPECT_EQ(all.value()[0].id, first);
}

INSTANTIATE_TEST_SUITE_P(Backends, RowTableTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
