#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fresh_database.h"

namespace deltalabs {

// A test parameterised by backend name ("sqlite", "postgresql") that runs on
// a FreshDatabase of its own: db_ is open once open_fresh returns without a
// failure or a skip (PostgreSQL cases skip when no server is named).
class FreshDatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Creates the database; a derived SetUp returns when IsSkipped() or HasFatalFailure().
  void open_fresh(const std::string& prefix, std::size_t pool) {
    if (GetParam() == "postgresql" && !FreshDatabase::postgres_available())
      GTEST_SKIP() << "DELTALABS_TEST_PG is not set";
    auto fresh = FreshDatabase::create(GetParam(), prefix, pool);
    ASSERT_TRUE(fresh.ok()) << fresh.error().cause;
    fresh_ = std::move(fresh).value();
    db_ = &fresh_->db();
  }
  // Closes and removes the database; call after whatever uses it is gone.
  void close_fresh() {
    db_ = nullptr;
    fresh_.reset();
  }

  std::unique_ptr<FreshDatabase> fresh_;
  Database* db_ = nullptr;
};

}  // namespace deltalabs
