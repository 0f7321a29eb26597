// platform/constraint_conflict.h: a statement breaking the constraint kind the
// caller names comes back as the caller's 409, a statement that succeeds as
// the rows it changed, and any other failure (another constraint kind) as it
// came, with its storage code. Runs on SQLite always and on PostgreSQL when
// DELTALABS_TEST_PG names a server.
#include "platform/constraint_conflict.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "core/error.h"
#include "fresh_database_fixture.h"
#include "storage/connection.h"
#include "storage/database.h"

namespace deltalabs {
namespace {

class ConstraintConflictTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("constraint_conflict", 2);
    if (IsSkipped() || HasFatalFailure()) return;
    auto conn = db_->write();
    ASSERT_TRUE((*conn)
                    ->execute_script("CREATE TABLE tags (slug TEXT PRIMARY KEY, "
                                     "name TEXT NOT NULL)")
                    .ok());
  }
  void TearDown() override { close_fresh(); }

  Result<std::int64_t> insert(Connection& c, const std::string& slug,
                              const std::optional<std::string>& name) {
    return execute_or_conflict(c, "INSERT INTO tags (slug, name) VALUES ($1, $2)", {slug, name},
                               storage_code::kUniqueViolation,
                               Error::conflict("SLUG_TAKEN", "That slug is taken."));
  }
};

TEST_P(ConstraintConflictTest, ASecondRowWithTheSameSlugIsTheCallersConflict) {
  auto conn = db_->write();
  auto first = insert(**conn, "math", "Math");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value(), 1);
  auto second = insert(**conn, "math", "Maths");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(second.error().code, "SLUG_TAKEN");
}

TEST_P(ConstraintConflictTest, AnotherConstraintKindIsReturnedAsItCame) {
  auto conn = db_->write();
  auto missing_name = insert(**conn, "art", std::nullopt);
  ASSERT_FALSE(missing_name.ok());
  EXPECT_EQ(missing_name.error().code, storage_code::kNotNullViolation);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConstraintConflictTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs
