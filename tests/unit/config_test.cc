// How the settings left at their defaults resolve to the hardware
// (decisions 0031, 0032): read pipelines only on PostgreSQL, one per two
// cores and at least one; an explicit number wins; 0 turns them off, and
// then threads and pool are sized as without pipelines.

#include "app/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace deltalabs {
namespace {

constexpr const char* kPostgres = "postgresql://app@/deltalabs?host=/var/run/postgresql";

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

TEST(ConfigTest, SqliteHasNoReadPipelines) {
  Config c;
  c.database = "sqlite:./var/deltalabs.db";
  EXPECT_EQ(c.resolved_read_pipelines(), 0u);
  c.db_read_pipelines = 4;
  EXPECT_EQ(c.resolved_read_pipelines(), 0u);
}

TEST(ConfigTest, PostgresDefaultsToOnePipelinePerTwoCores) {
  Config c;
  c.database = kPostgres;
  EXPECT_EQ(c.resolved_read_pipelines(), std::max(1u, cores() / 2));
  EXPECT_GE(c.resolved_read_pipelines(), 1u);
  EXPECT_EQ(c.resolved_threads(), std::max(16u, 8 * cores()));
  EXPECT_EQ(c.resolved_db_pool(), std::max(4u, 2 * cores()) + 2);
}

TEST(ConfigTest, AnExplicitPipelineCountWinsAndZeroTurnsThemOff) {
  Config c;
  c.database = kPostgres;
  c.db_read_pipelines = 3;
  EXPECT_EQ(c.resolved_read_pipelines(), 3u);
  c.db_read_pipelines = 0;
  EXPECT_EQ(c.resolved_read_pipelines(), 0u);
  EXPECT_EQ(c.resolved_threads(), std::max(4u, 2 * cores()));
  EXPECT_EQ(c.resolved_db_pool(), c.resolved_threads() + 2);
}

}  // namespace
}  // namespace deltalabs
