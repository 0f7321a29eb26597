#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "core/result.h"
#include "http/metrics.h"
#include "storage/replica_routing_database.h"

namespace deltalabs {

// Opens config.database_replica and puts it with `primary` behind one
// ReplicaRoutingDatabase (decision 0029, "Read routing"). A replica of a
// SQLite file, or a replica that does not answer at start, is a start-up
// error: serve does not start.
Result<std::unique_ptr<ReplicaRoutingDatabase>> open_read_replica(std::unique_ptr<Database> primary,
                                                                  const Config& config);

// The GET routes whose answers may be slightly stale and so may read the
// replica: the public catalog (list and search), one course, its intro.
const std::vector<std::string>& stale_ok_paths();

// How long a client's `dl_wlsn` cookie lives: well past the replica's allowed
// lag, after which a lagging replica is skipped anyway.
std::chrono::seconds write_position_age(const Config& config);

// The replica's read counters on /metrics: db_reads_total{target=replica|primary}.
void add_replica_counters(http::Metrics& metrics, const ReplicaRoutingDatabase& db);

}  // namespace deltalabs
