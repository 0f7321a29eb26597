#pragma once

// The statements of read routing (storage/replica_routing_database.cc).
namespace deltalabs::sql {

// On the primary after a write: a WAL position at or past the write's commit
// record, which a replica must have replayed before it may serve that client.
inline constexpr const char* kSelectPrimaryInsertLsn = "SELECT pg_current_wal_insert_lsn()::text";

// On the replica: how far it has replayed, and its lag in milliseconds as
// GitLab's load balancer measures it (0 when it has replayed all it received,
// else the age of the last commit it replayed). A server not in recovery
// answers NULL for the LSN, and is no replica.
inline constexpr const char* kSelectReplicaStatus =
    "SELECT pg_last_wal_replay_lsn()::text, "
    "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
    "ELSE COALESCE((EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000)::bigint, "
    "2147483647) END";

}  // namespace deltalabs::sql
