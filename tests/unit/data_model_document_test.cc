// The data-model document: rendered from a real SQLite catalog, it must show
// each relation kind with its cardinality and ON DELETE rule, junction tables
// as many-to-many, unique rules and status values, every domain section (empty
// ones included) and a Mermaid diagram, identically on every run.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>
#include <algorithm>

#include <filesystem>
#include <memory>
#include <string>

#include "ops/data_model_document.h"
#include "storage/schema_catalog.h"
#include "storage/sqlite_database.h"

namespace deltalabs::ops {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE schema_annotations (table_name TEXT PRIMARY KEY, domain TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE users (
  id UUID PRIMARY KEY,
  email TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'suspended'))
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE TABLE profiles (user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE, bio TEXT);
CREATE TABLE sessions (id UUID PRIMARY KEY, user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE);
CREATE TABLE courses (
  id UUID PRIMARY KEY,
  owner_id UUID REFERENCES users (id) ON DELETE SET NULL,
  title TEXT NOT NULL
);
CREATE TABLE enrollments (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE RESTRICT,
  UNIQUE (user_id, course_id)
);
CREATE TABLE carts (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'ordered'))
);
CREATE UNIQUE INDEX carts_one_open_per_user ON carts (user_id) WHERE status = 'open';
CREATE TABLE stray (id INTEGER PRIMARY KEY, label TEXT);
INSERT INTO schema_annotations VALUES
  ('users', 'Identity', 'Accounts.'),
  ('profiles', 'Identity', 'One profile per user.'),
  ('sessions', 'Identity', 'Sign-ins.'),
  ('courses', 'Catalog', 'Courses | published or not.'),
  ('enrollments', 'Learning', 'A user enrolls once per course.'),
  ('carts', 'Commerce', 'One open cart per user.');
)sql";

class DataModelDocumentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto path = std::filesystem::temp_directory_path() /
                      ("data_model_document_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    {
      auto db = SqliteDatabase::open(path.string(), DatabaseOptions{});
      ASSERT_TRUE(db.ok()) << db.error().cause;
      auto conn = (*db)->write();
      ASSERT_TRUE(conn.ok());
      const auto run = (*conn)->execute_script(kSchema);
      ASSERT_TRUE(run.ok()) << run.error().cause;
      auto read = read_schema_catalog(**conn);
      ASSERT_TRUE(read.ok()) << read.error().cause;
      catalog_ = new SchemaCatalog(std::move(read).value());
    }
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  }
  static void TearDownTestSuite() { delete catalog_; }

  static std::string markdown() { return DataModelDocument(*catalog_).markdown(); }
  static std::string mermaid() { return DataModelDocument(*catalog_).mermaid(); }

  static SchemaCatalog* catalog_;
};

SchemaCatalog* DataModelDocumentTest::catalog_ = nullptr;

void expect_contains(const std::string& text, const std::string& wanted) {
  EXPECT_NE(text.find(wanted), std::string::npos) << "missing:\n"
                                                  << wanted << "\n--- in ---\n"
                                                  << text;
}

TEST_F(DataModelDocumentTest, KeepsTheFoundingPageStructure) {
  const std::string md = markdown();
  EXPECT_EQ(md.rfind("---\ntitle: Data Model & DB Relations\nsidebar_position: 5\n---\n\n# Data "
                     "Model & DB Relations\n",
                     0),
            0u);
  expect_contains(md, "do not edit");
  std::size_t at = 0;
  for (const char* heading :
       {"## How to use this doc", "## Domains and main entities", "### Identity", "### Catalog",
        "### Learning", "### Assessment", "### Content", "### Engagement", "### Commerce",
        "### Labs", "### AI / operational", "## Cross-domain relations (overview)", "## Diagram",
        "```mermaid\nerDiagram\n"}) {
    const std::size_t found = md.find(heading, at);
    ASSERT_NE(found, std::string::npos) << heading << " missing or out of order";
    at = found;
  }
  expect_contains(md, "| Entity / collection | Key fields / notes | Relations |\n");
  expect_contains(md, "| From | To | Relation type | Notes |\n");
}

TEST_F(DataModelDocumentTest, EmptyDomainsSayNoTablesYet) {
  expect_contains(
      markdown(),
      "### Labs\n\n| Entity / collection | Key fields / notes | Relations |\n"
      "|---------------------|--------------------|-----------|\n| *No tables yet.* | | |\n");
}

TEST_F(DataModelDocumentTest, RowsShowKeysStatusValuesNotesAndRelations) {
  const std::string md = markdown();
  expect_contains(
      md,
      "| `users` | PK `id`<br>unique `lower(email)`<br>`status` one of `active`, `suspended`<br>"
      "Accounts. | — |\n");
  expect_contains(md,
                  "| `sessions` | PK `id`<br>Sign-ins. | `user_id` → `users` (many-to-one, ON "
                  "DELETE CASCADE) |\n");
  expect_contains(md, "`user_id` → `users` (one-to-one, ON DELETE CASCADE)");
  expect_contains(md, "unique `user_id` where `status = 'open'`");
  expect_contains(md, "`status` one of `open`, `ordered`");
  expect_contains(md, "Courses \\| published or not.");  // a pipe cannot break the table
}

TEST_F(DataModelDocumentTest, JunctionTablesAreManyToMany) {
  const std::string md = markdown();
  expect_contains(md, "| `enrollments` | PK `id`<br>unique per (`user_id`, `course_id`)<br>");
  expect_contains(
      md,
      "many-to-many `users` ↔ `courses` (junction)<br>`course_id` → `courses` (many-to-one, ON "
      "DELETE RESTRICT)<br>`user_id` → `users` (many-to-one, ON DELETE CASCADE)");
}

TEST_F(DataModelDocumentTest, CrossDomainRelationsAreListed) {
  const std::string md = markdown();
  expect_contains(md,
                  "| `courses` (Catalog) | `users` (Identity) | many-to-one | `owner_id`, ON "
                  "DELETE SET NULL |\n");
  expect_contains(
      md,
      "| `enrollments` (Learning) | `courses` (Catalog) | many-to-one | `course_id`, ON DELETE "
      "RESTRICT; junction of many-to-many `users` ↔ `courses` |\n");
  EXPECT_EQ(md.find("| `sessions` (Identity) |"),
            std::string::npos);  // same domain: not cross-domain
}

TEST_F(DataModelDocumentTest, UnannotatedTablesAreFlagged) {
  const std::string md = markdown();
  expect_contains(md, "> **⚠ Tables without an annotation:** `stray`.");
  expect_contains(md, "| `stray` | PK `id`<br>**⚠ (no annotation)** | — |\n");
  EXPECT_GT(md.find("| `stray` |"), md.find("### AI / operational"));
}

TEST_F(DataModelDocumentTest, MermaidShowsEntitiesAndCrowsFootCardinality) {
  const std::string m = mermaid();
  EXPECT_EQ(m.rfind("erDiagram\n", 0), 0u);
  expect_contains(m, "  users ||--o{ sessions : user_id\n");
  expect_contains(m, "  users ||--o| profiles : user_id\n");
  expect_contains(m, "  users |o--o{ courses : owner_id\n");
  expect_contains(m, "  courses ||--o{ enrollments : course_id\n");
  expect_contains(m, "  profiles {\n    uuid user_id PK, FK\n    text bio\n  }\n");
  expect_contains(m, "  carts {\n    uuid id PK\n    uuid user_id FK\n    text status\n  }\n");
  expect_contains(markdown(), "```mermaid\n" + m + "```\n");
}

TEST_F(DataModelDocumentTest, JsonDescribesTablesAndRelations) {
  const auto doc =
      boost::json::parse(DataModelDocument(*catalog_).render(DataModelDocument::Format::kJson));
  const auto& tables = doc.at("tables").as_array();
  ASSERT_EQ(tables.size(), 7u);
  const auto& carts = tables[0].as_object();
  EXPECT_EQ(carts.at("name"), "carts");
  EXPECT_EQ(carts.at("domain"), "Commerce");
  EXPECT_EQ(carts.at("primary_key"), boost::json::array({"id"}));
  EXPECT_EQ(carts.at("unique").as_array()[0].at("where"), "status = 'open'");
  const auto& fk = carts.at("foreign_keys").as_array()[0];
  EXPECT_EQ(fk.at("references").at("table"), "users");
  EXPECT_EQ(fk.at("on_delete"), "CASCADE");
  EXPECT_EQ(fk.at("cardinality"), "many-to-one");
  const auto& col = carts.at("columns").as_array()[1];
  EXPECT_EQ(col.at("name"), "user_id");
  EXPECT_EQ(col.at("nullable"), false);
  EXPECT_TRUE(col.at("default").is_null());
  bool many_to_many = false;
  for (const auto& r : doc.at("relations").as_array()) {
    if (r.at("cardinality") == "many-to-many") {
      many_to_many =
          r.at("through") == "enrollments" && r.at("from") == "users" && r.at("to") == "courses";
    }
  }
  EXPECT_TRUE(many_to_many);
}

TEST_F(DataModelDocumentTest, OutputIsDeterministicWhateverTheCatalogOrder) {
  SchemaCatalog shuffled = *catalog_;
  std::reverse(shuffled.tables.begin(), shuffled.tables.end());
  for (auto& t : shuffled.tables) std::reverse(t.foreign_keys.begin(), t.foreign_keys.end());
  for (auto format : {DataModelDocument::Format::kMarkdown, DataModelDocument::Format::kMermaid,
                      DataModelDocument::Format::kJson}) {
    EXPECT_EQ(DataModelDocument(shuffled).render(format),
              DataModelDocument(*catalog_).render(format));
  }
}

TEST(DataModelDocumentFormatTest, ParsesTheThreeFormatsOnly) {
  EXPECT_EQ(DataModelDocument::parse_format("json"), DataModelDocument::Format::kJson);
  EXPECT_EQ(DataModelDocument::parse_format("markdown"), DataModelDocument::Format::kMarkdown);
  EXPECT_EQ(DataModelDocument::parse_format("mermaid"), DataModelDocument::Format::kMermaid);
  EXPECT_FALSE(DataModelDocument::parse_format("yaml").has_value());
  EXPECT_FALSE(DataModelDocument::parse_format("").has_value());
}

TEST(DataModelDocumentEmptyTest, AnEmptySchemaRendersEveryDomainEmpty) {
  const std::string md = DataModelDocument(SchemaCatalog{}).markdown();
  std::size_t count = 0;
  for (std::size_t at = md.find("*No tables yet.*"); at != std::string::npos;
       at = md.find("*No tables yet.*", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 9u);
  expect_contains(md, "| *No cross-domain relations yet.* | | | |\n");
}

}  // namespace
}  // namespace deltalabs::ops
