// Reading the live SQLite catalog: what the data-model document is generated
// from, so every constraint kind must come back exactly, in one spelling that
// PostgreSQL's catalog reads alike (types, CHECK and index expressions).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "storage/schema_catalog.h"
#include "storage/schema_sql_text.h"
#include "storage/sqlite_database.h"

namespace deltalabs {
namespace {

using Strings = std::vector<std::string>;

constexpr const char* kSchema = R"sql(
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE schema_annotations (table_name TEXT PRIMARY KEY, domain TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE users (
  id UUID PRIMARY KEY,
  email VARCHAR(200) NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','suspended')),
  verified BOOLEAN NOT NULL DEFAULT FALSE,
  score DOUBLE PRECISION,
  created_at TIMESTAMPTZ NOT NULL,
  settings JSONB,
  visits BIGINT DEFAULT 0,
  -- a comment with CHECK (nothing) in it
  CONSTRAINT users_email_shape CHECK (length(email) > 3)
);
CREATE UNIQUE INDEX users_email_key ON users (LOWER(email));
CREATE TABLE memberships (
  user_id UUID NOT NULL REFERENCES users ON DELETE CASCADE,
  org_id UUID NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (org_id, user_id),
  UNIQUE (user_id, role)
);
CREATE TABLE carts (
  id UUID PRIMARY KEY,
  user_id UUID REFERENCES users (id) ON DELETE SET NULL,
  status TEXT NOT NULL
);
CREATE UNIQUE INDEX carts_one_open ON carts (user_id DESC) WHERE status = 'open';
CREATE TABLE pairs (
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  PRIMARY KEY (a, b),
  FOREIGN KEY (a, b) REFERENCES pairs (b, a) ON DELETE RESTRICT
);
CREATE VIRTUAL TABLE notes_search USING fts5(body);
INSERT INTO schema_annotations VALUES ('users', 'Identity', 'Accounts.'), ('carts', 'Commerce', 'Carts.');
)sql";

class SchemaCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("schema_catalog_test_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    auto db = SqliteDatabase::open(path_.string(), DatabaseOptions{});
    ASSERT_TRUE(db.ok()) << db.error().cause;
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  SchemaCatalog read(const std::string& script) {
    auto conn = db_->write();
    EXPECT_TRUE(conn.ok());
    const auto run = (*conn)->execute_script(script);
    EXPECT_TRUE(run.ok()) << run.error().cause;
    auto catalog = read_schema_catalog(**conn);
    EXPECT_TRUE(catalog.ok()) << catalog.error().cause;
    return std::move(catalog).value();
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(SchemaCatalogTest, ListsApplicationTablesSortedWithoutInternalOrFullTextOnes) {
  const SchemaCatalog c = read(kSchema);
  Strings names;
  for (const auto& t : c.tables) names.push_back(t.name);
  EXPECT_EQ(names, (Strings{"carts", "memberships", "pairs", "users"}));
}

TEST_F(SchemaCatalogTest, ColumnsHaveNormalisedTypesNullabilityAndDefaults) {
  const SchemaCatalog c = read(kSchema);
  const TableInfo* users = c.table("users");
  ASSERT_NE(users, nullptr);
  Strings types;
  for (const auto& col : users->columns) types.push_back(col.name + ":" + col.type);
  EXPECT_EQ(types,
            (Strings{"id:uuid", "email:text", "status:text", "verified:boolean", "score:double",
                     "created_at:timestamptz", "settings:jsonb", "visits:integer"}));
  EXPECT_TRUE(users->column("id")->primary_key);
  EXPECT_FALSE(users->column("id")->nullable);
  EXPECT_FALSE(users->column("email")->nullable);
  EXPECT_TRUE(users->column("score")->nullable);
  EXPECT_EQ(users->column("status")->default_value, "'active'");
  EXPECT_EQ(users->column("verified")->default_value, "FALSE");
  EXPECT_EQ(users->column("email")->default_value, std::nullopt);
  EXPECT_EQ(users->primary_key, Strings{"id"});
}

TEST_F(SchemaCatalogTest, ChecksComeFromTheCreateStatementNormalisedAndSorted) {
  const SchemaCatalog c = read(kSchema);
  EXPECT_EQ(c.table("users")->checks,
            (Strings{"length(email) > 3", "status IN ('active', 'suspended')"}));
}

TEST_F(SchemaCatalogTest, UniqueRulesIncludeExpressionsPartialIndexesAndCompositeConstraints) {
  const SchemaCatalog c = read(kSchema);
  ASSERT_EQ(c.table("users")->unique.size(), 1u);
  EXPECT_EQ(c.table("users")->unique[0].columns, Strings{"lower(email)"});
  ASSERT_EQ(c.table("carts")->unique.size(), 1u);
  EXPECT_EQ(c.table("carts")->unique[0].columns, Strings{"user_id"});
  EXPECT_EQ(c.table("carts")->unique[0].where, "status = 'open'");
  ASSERT_EQ(c.table("memberships")->unique.size(), 1u);
  EXPECT_EQ(c.table("memberships")->unique[0].columns, (Strings{"user_id", "role"}));
  EXPECT_EQ(c.table("memberships")->primary_key, (Strings{"org_id", "user_id"}));
}

TEST_F(SchemaCatalogTest, ForeignKeysCarryTargetColumnsAndOnDelete) {
  const SchemaCatalog c = read(kSchema);
  const auto& m = c.table("memberships")->foreign_keys;
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].columns, Strings{"user_id"});
  EXPECT_EQ(m[0].table, "users");
  EXPECT_EQ(m[0].references, Strings{"id"});  // `REFERENCES users` means its primary key
  EXPECT_EQ(m[0].on_delete, "CASCADE");
  EXPECT_EQ(c.table("carts")->foreign_keys[0].on_delete, "SET NULL");
  const auto& p = c.table("pairs")->foreign_keys;
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].columns, (Strings{"a", "b"}));
  EXPECT_EQ(p[0].references, (Strings{"b", "a"}));
  EXPECT_EQ(p[0].on_delete, "RESTRICT");
  EXPECT_TRUE(c.table("users")->foreign_keys.empty());
}

TEST_F(SchemaCatalogTest, AnnotationsGiveDomainAndNoteAndMissingOnesAreFlagged) {
  const SchemaCatalog c = read(kSchema);
  EXPECT_EQ(c.table("users")->domain, "Identity");
  EXPECT_EQ(c.table("users")->note, "Accounts.");
  EXPECT_TRUE(c.table("users")->annotated);
  EXPECT_EQ(c.table("pairs")->domain, "AI / operational");
  EXPECT_EQ(c.table("pairs")->note, "(no annotation)");
  EXPECT_FALSE(c.table("pairs")->annotated);
}

TEST_F(SchemaCatalogTest, WorksWithoutAnAnnotationsTable) {
  const SchemaCatalog c = read("CREATE TABLE t (id INTEGER PRIMARY KEY, x)");
  ASSERT_EQ(c.tables.size(), 1u);
  EXPECT_FALSE(c.tables[0].annotated);
  EXPECT_EQ(c.tables[0].column("x")->type, "any");
}

TEST_F(SchemaCatalogTest, UniqueKeysAreRecognisedInAnyColumnOrderButNotWhenPartial) {
  const SchemaCatalog c = read(kSchema);
  EXPECT_TRUE(c.table("memberships")->is_unique_key({"user_id", "org_id"}));
  EXPECT_TRUE(c.table("memberships")->is_unique_key({"role", "user_id"}));
  EXPECT_FALSE(c.table("memberships")->is_unique_key({"user_id"}));
  EXPECT_FALSE(c.table("carts")->is_unique_key({"user_id"}));
}

// The PostgreSQL spellings the catalog reader meets read like SQLite's.
TEST(SchemaSqlTextTest, PostgresExpressionsNormaliseToTheSqliteSpelling) {
  EXPECT_EQ(normalise_expression("(status = ANY (ARRAY['a'::text, 'b'::text]))"),
            "status IN ('a', 'b')");
  EXPECT_EQ(
      normalise_expression("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character "
                           "varying])::text[]))"),
      "status IN ('a', 'b')");
  EXPECT_EQ(normalise_expression("status IN ('a','b')"), "status IN ('a', 'b')");
  EXPECT_EQ(normalise_expression("'draft'::text"), "'draft'");
  EXPECT_EQ(normalise_expression("'{}'::jsonb"), "'{}'");
  EXPECT_EQ(normalise_expression("now()::timestamp with time zone"), "now()");
  EXPECT_EQ(normalise_expression("deleted_at is null and kind = 'x'"),
            "deleted_at IS NULL AND kind = 'x'");
  EXPECT_EQ(normalise_expression("LOWER( \"email\" )"), "lower(email)");
  EXPECT_EQ(normalise_expression("'it''s' = x"), "'it''s' = x");
}

// PostgreSQL prints the parentheses its parser needs; SQLite keeps the text
// as written. Redundant ones go, meaningful ones stay.
TEST(SchemaSqlTextTest, RedundantParenthesesGoAndMeaningfulOnesStay) {
  EXPECT_EQ(normalise_expression("slug = ((resource || ':'::text) || action)"),
            "slug = resource || ':' || action");
  EXPECT_EQ(normalise_expression("slug = resource || ':' || action"),
            "slug = resource || ':' || action");
  EXPECT_EQ(normalise_expression("((a * '-1'::integer) < 0)"), "a * -1 < 0");
  EXPECT_EQ(normalise_expression("a * -1 < 0"), "a * -1 < 0");
  EXPECT_EQ(normalise_expression("((a + b) > 0)"), "a + b > 0");
  EXPECT_EQ(normalise_expression("((status = ANY (ARRAY['a'::text, 'b'::text])) AND y > 0)"),
            "status IN ('a', 'b') AND y > 0");
  EXPECT_EQ(normalise_expression("(a > 0 AND b > 0) OR x > 0"), "a > 0 AND b > 0 OR x > 0");
  EXPECT_EQ(normalise_expression("(a - b) - c"), "a - b - c");
  EXPECT_EQ(normalise_expression("lower((a || b))"), "lower(a || b)");
  for (const char* kept :
       {"(a IS NULL) = (b IS NULL)", "NOT (a > 5 AND b > 5)", "a > 0 AND (b > 0 OR x > 0)",
        "x * (a + b)", "a - (b - c)", "(a || b) + 1", "x IN ('a')", "x BETWEEN (a + 1) AND 5"}) {
    EXPECT_EQ(normalise_expression(kept), kept);
  }
}

TEST(SchemaSqlTextTest, TypesNormaliseAcrossBackends) {
  EXPECT_EQ(normalise_type("timestamp with time zone"), "timestamptz");
  EXPECT_EQ(normalise_type("TIMESTAMPTZ"), "timestamptz");
  EXPECT_EQ(normalise_type("timestamp without time zone"), "timestamp");
  EXPECT_EQ(normalise_type("bigint"), "integer");
  EXPECT_EQ(normalise_type("INTEGER"), "integer");
  EXPECT_EQ(normalise_type("character varying(20)"), "text");
  EXPECT_EQ(normalise_type("double precision"), "double");
  EXPECT_EQ(normalise_type("real"), "real");
  EXPECT_EQ(normalise_type("text[]"), "text[]");
  EXPECT_EQ(normalise_type("numeric(10,2)"), "numeric");
}

TEST(SchemaSqlTextTest, EnumChecksAndIndexTextAreParsed) {
  const auto e = parse_enum_check("status IN ('open', 'it''s')");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->column, "status");
  EXPECT_EQ(e->values, (Strings{"open", "it's"}));
  EXPECT_FALSE(parse_enum_check("length(x) > 3").has_value());
  EXPECT_FALSE(parse_enum_check("status IN ('a') OR x").has_value());
  const auto i = parse_create_index(
      "CREATE UNIQUE INDEX i ON t (a COLLATE NOCASE, lower(b) DESC) WHERE c IS NULL");
  ASSERT_TRUE(i.has_value());
  EXPECT_EQ(i->terms, (Strings{"a", "lower(b)"}));
  EXPECT_EQ(i->where, "c IS NULL");
  EXPECT_EQ(
      extract_checks("CREATE TABLE t (a TEXT CHECK(a <> ''), 'CHECK (x)' TEXT, CHECK ((a = 'b')))"),
      (Strings{"a <> ''", "a = 'b'"}));
}

}  // namespace
}  // namespace deltalabs
