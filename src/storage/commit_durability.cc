#include "storage/commit_durability.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace deltalabs {

CommitDurability::CommitDurability(Database& db) {
  // full: every commit is synced already; normal: durability across power
  // loss traded away (benchmark baselines only). Decision 0016.
  const char* level = std::getenv("DELTALABS_SQLITE_SYNCHRONOUS");
  if (level != nullptr && *level != '\0') return;
  const std::string where = db.describe();
  if (db.dialect() == Dialect::kSqlite && where.rfind("sqlite:", 0) == 0)
    wal_path_ = where.substr(7) + "-wal";
}

CommitDurability::~CommitDurability() {
  if (fd_ >= 0) ::close(fd_);
}

Status CommitDurability::sync_wal() {
  if (fd_ < 0) fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
  // No WAL file: nothing was committed since the last checkpoint removed it.
  if (fd_ < 0 && errno == ENOENT) return {};
  if (fd_ < 0 || ::fdatasync(fd_) != 0) {
    return Error::unavailable("DATABASE_UNAVAILABLE", "The database could not sync its log.",
                              std::strerror(errno));
  }
  return {};
}

Status CommitDurability::wait() {
  if (wal_path_.empty()) return {};
  std::unique_lock lock(mutex_);
  const std::uint64_t mine = ++requested_;
  while (synced_ < mine) {
    if (syncing_) {
      synced_cv_.wait(lock);
      continue;
    }
    // This sync covers every commit made before it starts: all requests so far.
    syncing_ = true;
    const std::uint64_t covers = requested_;
    lock.unlock();
    Status done = sync_wal();
    lock.lock();
    syncing_ = false;
    if (done.ok()) synced_ = covers;
    synced_cv_.notify_all();
    if (!done.ok()) return done;
  }
  return {};
}

}  // namespace deltalabs
