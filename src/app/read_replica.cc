#include "app/read_replica.h"

#include <algorithm>

#include "app/application.h"

namespace deltalabs {

Result<std::unique_ptr<ReplicaRoutingDatabase>> open_read_replica(std::unique_ptr<Database> primary,
                                                                  const Config& config) {
  if (primary->dialect() != Dialect::kPostgres) {
    return Error::misconfigured("REPLICA_NEEDS_POSTGRESQL",
                                "--database-replica needs a PostgreSQL --database.");
  }
  DL_ASSIGN_OR_RETURN(std::unique_ptr<Database> replica,
                      open_database(database_options(config, config.database_replica)));
  if (replica->dialect() != Dialect::kPostgres) {
    return Error::misconfigured("REPLICA_NEEDS_POSTGRESQL",
                                "--database-replica must be a postgresql:// URL.");
  }
  ReplicaPolicy::Options policy;
  policy.max_lag = std::chrono::seconds(config.replica_max_lag_s);
  return std::make_unique<ReplicaRoutingDatabase>(std::move(primary), std::move(replica), policy);
}

const std::vector<std::string>& stale_ok_paths() {
  static const std::vector<std::string> paths = {"/v1/courses", "/v1/courses/:id",
                                                 "/v1/courses/:id/intro"};
  return paths;
}

std::chrono::seconds write_position_age(const Config& config) {
  return std::chrono::seconds(std::max(60, 6 * config.replica_max_lag_s));
}

void add_replica_counters(http::Metrics& metrics, const ReplicaRoutingDatabase& db) {
  const std::string help = "Database reads by where they were sent (read replica routing)";
  metrics.add_sampled_counter("db_reads_total", help, {{"target", "replica"}},
                              [&db] { return static_cast<double>(db.replica_reads()); });
  metrics.add_sampled_counter("db_reads_total", help, {{"target", "primary"}},
                              [&db] { return static_cast<double>(db.primary_reads()); });
}

}  // namespace deltalabs
