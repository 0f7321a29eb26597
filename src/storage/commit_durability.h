#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "core/result.h"
#include "storage/database.h"

namespace deltalabs {

// Group commit for SQLite: makes transactions that moved money or seats
// durable across power loss without paying one fsync per transaction.
// Connections commit with synchronous=NORMAL (the WAL is written, not
// synced); a caller that must not answer before its commit is on stable
// storage calls wait() after the commit. Waiters arriving while a sync runs
// share the next one, so N concurrent commits cost one fdatasync of the WAL
// file (a checkpoint syncs the WAL before copying it, so frames already
// copied into the database are durable too). PostgreSQL commits are durable
// by the server's own settings: wait() returns at once, as it does when
// DELTALABS_SQLITE_SYNCHRONOUS is set (full: every commit is synced anyway;
// normal: no power-loss durability, for benchmark baselines). Decision 0016.
class CommitDurability {
 public:
  // `db` is the database whose commits are made durable.
  explicit CommitDurability(Database& db);
  ~CommitDurability();
  CommitDurability(const CommitDurability&) = delete;
  CommitDurability& operator=(const CommitDurability&) = delete;

  // Returns once every transaction committed (by any thread) before the call
  // is on stable storage; 503 when the WAL file cannot be synced.
  Status wait();

  // `written` once its commit is durable (503 when the sync fails); the
  // write's own error, unsynced, otherwise.
  template <class T>
  Result<T> after(Result<T> written) {
    if (written.ok()) DL_TRY(wait());
    return written;
  }

 private:
  Status sync_wal();

  std::string wal_path_;  // empty: nothing to do (PostgreSQL)
  int fd_ = -1;
  std::mutex mutex_;
  std::condition_variable synced_cv_;
  std::uint64_t requested_ = 0;
  std::uint64_t synced_ = 0;
  bool syncing_ = false;
};

}  // namespace deltalabs
