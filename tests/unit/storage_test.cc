// The storage interface, the same on every backend: typed values round-trip,
// constraint failures come back as coded errors, transactions commit or roll
// back whole, and concurrent writers never lose an update. Runs on SQLite
// always and on PostgreSQL when DELTALABS_TEST_PG names a server
// (scripts/test sets it). Read scopes (one snapshot per request on SQLite)
// always show a thread its own writes and others' after the scope ends.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <thread>

#include "core/crypto.h"
#include "core/uuid.h"
#include "fresh_database_fixture.h"
#include "storage/database.h"
#include "storage/postgres_database.h"

namespace deltalabs {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE parents (id UUID PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE children (id UUID PRIMARY KEY, parent_id UUID NOT NULL REFERENCES parents (id) "
    "ON DELETE CASCADE,"
    " n INTEGER NOT NULL CHECK (n >= 0), ratio DOUBLE PRECISION, flag BOOLEAN NOT NULL, at "
    "TIMESTAMPTZ, doc JSONB);"
    "CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL);"
    "INSERT INTO counters (id, value) VALUES (1, 0);";

class StorageTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("storage", 8);
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = db_->write();
    ASSERT_TRUE((*conn)->execute_script(kSchema).ok());
  }

  void TearDown() override { close_fresh(); }

  std::string add_parent(const std::string& name) {
    const std::string id = new_uuid_v7();
    auto conn = db_->write();
    EXPECT_TRUE(
        (*conn)->execute("INSERT INTO parents (id, name) VALUES ($1, $2)", {id, name}).ok());
    return id;
  }
};

TEST_P(StorageTest, ValuesRoundTripWithTheSameTypesOnEveryBackend) {
  const std::string parent = add_parent("p");
  const std::string child = new_uuid_v7();
  auto conn = db_->write();
  ASSERT_TRUE((*conn)
                  ->execute("INSERT INTO children (id, parent_id, n, ratio, flag, at, doc) VALUES "
                            "($1, $2, $3, $4, $5, $6, $7)",
                            {child, parent, std::int64_t{42}, 0.5, true, "2026-11-24T09:30:00.123Z",
                             R"({"a": 1})"})
                  .ok());
  auto rows = (*conn)->query(
      "SELECT id, n, ratio, flag, at, doc, parent_id FROM children WHERE id = $1", {child});
  ASSERT_TRUE(rows.ok()) << rows.error().cause;
  ASSERT_EQ(rows->size(), 1u);
  const Row r = (*rows)[0];
  EXPECT_EQ(r.text(0), child);
  EXPECT_EQ(r.integer(1), 42);
  EXPECT_DOUBLE_EQ(r.real(2), 0.5);
  EXPECT_TRUE(r.boolean(3));
  EXPECT_EQ(r.text(4), "2026-11-24T09:30:00.123Z");
  EXPECT_NE(r.text(5).find("\"a\""), std::string::npos);
  EXPECT_EQ(r.text(6), parent);
}

// query_each hands out, in place, the rows query() returns: the same text
// (numbers, booleans and times formatted), integers and NULLs, in order; nothing for no rows; and
// a visitor that throws leaves the statement ready to run again.
TEST_P(StorageTest, RowsVisitedInPlaceReadAsQueryReturnsThem) {
  const std::string parent = add_parent("visited");
  auto conn = db_->write();
  for (const std::int64_t n : {3, 1, 2}) {
    ASSERT_TRUE((*conn)
                    ->execute("INSERT INTO children (id, parent_id, n, flag, at) VALUES ($1, $2, "
                              "$3, TRUE, $4)",
                              {new_uuid_v7(), parent, n,
                               n == 2 ? std::nullopt
                                      : std::optional<std::string>("2026-11-24T09:30:00.123Z")})
                    .ok());
  }
  const char* sql =
      "SELECT id, n, at, CAST(n AS TEXT) || '!', flag, CAST(n AS REAL) / 2 FROM children "
      "WHERE parent_id = $1 ORDER BY n";
  auto rows = (*conn)->query(sql, {parent});
  ASSERT_TRUE(rows.ok()) << rows.error().cause;
  std::size_t seen = 0;
  auto visited = (*conn)->query_each(sql, {parent}, [&](const RowReader& r) {
    const Row expected = (*rows)[seen++];
    EXPECT_EQ(r.text(0), expected.text(0));
    EXPECT_EQ(r.integer(1), expected.integer(1));
    EXPECT_EQ(r.text(1), expected.text(1));  // an integer as text
    EXPECT_EQ(r.is_null(2), expected.is_null(2));
    EXPECT_EQ(r.text(2), expected.text(2));  // "" for NULL
    EXPECT_EQ(r.text(3), std::to_string(expected.integer(1)) + "!");
    EXPECT_EQ(r.integer(4), expected.integer(4));  // a boolean
    EXPECT_EQ(r.text(4), expected.text(4));
    EXPECT_EQ(r.integer(5), expected.integer(5));  // a real
  });
  ASSERT_TRUE(visited.ok()) << visited.error().cause;
  EXPECT_EQ(seen, 3u);
  EXPECT_TRUE((*conn)->query_each(sql, {new_uuid_v7()}, [&](const RowReader&) { ++seen; }).ok());
  EXPECT_EQ(seen, 3u);
  EXPECT_THROW(static_cast<void>((*conn)->query_each(
                   sql, {parent}, [](const RowReader&) { throw std::runtime_error("stop"); })),
               std::runtime_error);
  auto again = (*conn)->query(sql, {parent});
  ASSERT_TRUE(again.ok()) << again.error().cause;
  EXPECT_EQ(again->size(), 3u);
}

TEST_P(StorageTest, RealsRoundTripWithEveryDigit) {
  // Tolerances and scores are reals: none may lose digits on the way in.
  const std::string parent = add_parent("reals");
  auto conn = db_->write();
  for (const double v : {1e-7, 2.0 / 3.0, 66.66666666666667, -1234567.8901234, 1e300}) {
    const std::string child = new_uuid_v7();
    ASSERT_TRUE((*conn)
                    ->execute("INSERT INTO children (id, parent_id, n, ratio, flag) VALUES "
                              "($1, $2, 1, $3, FALSE)",
                              {child, parent, v})
                    .ok());
    auto rows = (*conn)->query("SELECT ratio FROM children WHERE id = $1", {child});
    ASSERT_TRUE(rows.ok()) << rows.error().cause;
    EXPECT_EQ((*rows)[0].real(0), v);
  }
}

TEST_P(StorageTest, RepeatedParametersBindByNumber) {
  auto conn = db_->read();
  auto rows = (*conn)->query(
      "SELECT CAST($2 AS TEXT) || '-' || CAST($1 AS TEXT) || '-' || CAST($2 AS TEXT)", {"a", "b"});
  ASSERT_TRUE(rows.ok()) << rows.error().cause;
  EXPECT_EQ((*rows)[0].text(0), "b-a-b");
}

TEST_P(StorageTest, ConstraintFailuresAreCodedErrors) {
  add_parent("same");
  const std::string other_parent = add_parent("q");
  auto conn = db_->write();  // SQLite has one writer: take it after the helpers above are done
  auto dup =
      (*conn)->execute("INSERT INTO parents (id, name) VALUES ($1, $2)", {new_uuid_v7(), "same"});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, storage_code::kUniqueViolation);
  auto orphan =
      (*conn)->execute("INSERT INTO children (id, parent_id, n, flag) VALUES ($1, $2, 1, FALSE)",
                       {new_uuid_v7(), new_uuid_v7()});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, storage_code::kForeignKeyViolation);
  auto negative =
      (*conn)->execute("INSERT INTO children (id, parent_id, n, flag) VALUES ($1, $2, -1, FALSE)",
                       {new_uuid_v7(), other_parent});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, storage_code::kCheckViolation);
}

TEST_P(StorageTest, FailedTransactionLeavesNothingBehind) {
  auto result = db_->transaction([&](Connection& c) -> Status {
    DL_TRY(c.execute("INSERT INTO parents (id, name) VALUES ($1, 'kept?')", {new_uuid_v7()}));
    return Error::conflict("STOP", "stop here");
  });
  ASSERT_FALSE(result.ok());
  auto conn = db_->read();
  auto rows = (*conn)->query("SELECT count(*) FROM parents WHERE name = 'kept?'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 0);
}

TEST_P(StorageTest, ConcurrentIncrementsAreNeverLost) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto r = db_->transaction([&](Connection& c) -> Status {
          DL_TRY(c.execute("UPDATE counters SET value = value + 1 WHERE id = 1"));
          return {};
        });
        if (!r.ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto conn = db_->read();
  auto rows = (*conn)->query("SELECT value FROM counters WHERE id = 1");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 200);
}

TEST_P(StorageTest, MalformedSqlIsAnErrorNotACrash) {
  auto conn = db_->read();
  auto rows = (*conn)->query("SELEC nonsense FROM");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, ErrorKind::kInternal);
}

// Counts parents through a read lease, as a service would.
std::int64_t count_parents(Database& db) {
  auto conn = db.read();
  EXPECT_TRUE(conn.ok());
  auto rows = (*conn)->query("SELECT count(*) FROM parents");
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? (*rows)[0].integer(0) : -1;
}

TEST_P(StorageTest, ReadScopeSeesItsOwnWritesAndOthersAfterItEnds) {
  db_->open_read_scope();
  EXPECT_EQ(count_parents(*db_), 0);
  // A write of this thread ends the snapshot, so the next read sees it.
  add_parent("mine");
  EXPECT_EQ(count_parents(*db_), 1);
  auto done = db_->transaction([&](Connection& c) -> Status {
    DL_TRY(c.execute("INSERT INTO parents (id, name) VALUES ($1, 'also mine')", {new_uuid_v7()}));
    return {};
  });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(count_parents(*db_), 2);
  // Another thread's commit: a snapshot may predate it (SQLite), the next scope may not.
  std::thread([&] { add_parent("theirs"); }).join();
  const std::int64_t during = count_parents(*db_);
  if (GetParam() == "sqlite") {
    EXPECT_EQ(during, 2) << "reads of one scope share a snapshot";
  }
  db_->close_read_scope();
  EXPECT_EQ(count_parents(*db_), 3);
  db_->open_read_scope();
  EXPECT_EQ(count_parents(*db_), 3);
  db_->close_read_scope();
}

TEST_P(StorageTest, FailedStatementInAReadScopeLeavesLaterReadsWorking) {
  db_->open_read_scope();
  {
    auto conn = db_->read();
    ASSERT_TRUE(conn.ok());
    EXPECT_FALSE((*conn)->query("SELEC nonsense FROM").ok());
  }
  EXPECT_EQ(count_parents(*db_), 0);
  db_->close_read_scope();
  add_parent("after");
  db_->open_read_scope();
  EXPECT_EQ(count_parents(*db_), 1);
  db_->close_read_scope();
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

TEST(DatabaseUrlTest, PasswordsAreRedactedAndUnknownSchemesRejected) {
  EXPECT_EQ(redact_database_url("postgresql://u:secret@h:5432/db"), "postgresql://u:***@h:5432/db");
  EXPECT_EQ(redact_database_url("postgresql://u@h/db"), "postgresql://u@h/db");
  EXPECT_FALSE(open_database({"mysql://x", 1, std::chrono::milliseconds(100)}).ok());
}

}  // namespace
}  // namespace deltalabs
