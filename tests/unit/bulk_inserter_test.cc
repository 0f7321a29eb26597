// BulkInserter: full and short batches insert every row, a child table's
// batches send the parent's pending rows first (so foreign keys hold with
// different batch sizes), and a failing statement comes back as an error.
#include "storage/bulk_inserter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "core/crypto.h"
#include "storage/database.h"

namespace deltalabs {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents "
    "(id), note TEXT);";
constexpr const char* kParents = "parents (id, name)";
constexpr const char* kChildren = "children (id, parent_id, note)";

class BulkInserterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto_init();
    path_ = std::filesystem::temp_directory_path() / ("bulk-" + random_token(6) + ".db");
    auto db = open_database({"sqlite:" + path_.string(), 2, std::chrono::milliseconds(5000)});
    ASSERT_TRUE(db.ok()) << db.error().cause;
    db_ = std::move(db).value();
    auto conn = db_->write();
    ASSERT_TRUE((*conn)->execute_script(kSchema).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
    std::filesystem::remove(path_.string() + "-wal");
    std::filesystem::remove(path_.string() + "-shm");
  }

  std::int64_t count(const char* table) {
    auto conn = db_->read();
    auto rows = (*conn)->query(std::string("SELECT count(*) FROM ") + table);
    return rows.ok() ? (*rows)[0].integer(0) : -1;
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_F(BulkInserterTest, FullAndShortBatchesInsertEveryRow) {
  auto done = db_->transaction([](Connection& c) -> Result<std::int64_t> {
    BulkInserter parents(c, kParents, 2, 3);
    for (int i = 1; i <= 7; ++i) DL_TRY(parents.row(i, "p" + std::to_string(i)));
    DL_TRY(parents.flush());
    return parents.inserted();
  });
  ASSERT_TRUE(done.ok()) << done.error().cause;
  EXPECT_EQ(*done, 7);
  EXPECT_EQ(count("parents"), 7);
}

TEST_F(BulkInserterTest, ChildBatchesSendTheParentsPendingRowsFirst) {
  auto done = db_->transaction([](Connection& c) -> Status {
    BulkInserter parents(c, kParents, 2, 100);  // would hold every parent until the end
    BulkInserter children(c, kChildren, 3, 2);
    children.references(parents);
    for (int i = 1; i <= 10; ++i) {
      DL_TRY(parents.row(i, "p" + std::to_string(i)));
      DL_TRY(children.row(i, i, std::nullopt));
    }
    DL_TRY(children.flush());
    return parents.flush();
  });
  ASSERT_TRUE(done.ok()) << done.error().cause;
  EXPECT_EQ(count("parents"), 10);
  EXPECT_EQ(count("children"), 10);
}

TEST_F(BulkInserterTest, AFailingBatchIsAnErrorAndNothingIsKept) {
  auto done = db_->transaction([](Connection& c) -> Status {
    BulkInserter parents(c, kParents, 2, 2);
    DL_TRY(parents.row(1, "same"));
    DL_TRY(parents.row(2, "same"));
    return {};
  });
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, storage_code::kUniqueViolation);
  EXPECT_EQ(count("parents"), 0);
}

}  // namespace
}  // namespace deltalabs
