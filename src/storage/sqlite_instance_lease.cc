#include "storage/sqlite_instance_lease.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace deltalabs {

namespace {

// Owner ids tried before giving up when each one's byte is taken (a clash of keys).
constexpr int kOwnerAttempts = 5;

Error lease_failed(const std::string& what, const std::string& path) {
  return Error::unavailable("INSTANCE_LEASE_FAILED", "Cannot take this process's instance lease.",
                            what + " " + path + ": " + std::strerror(errno));
}

// The lock on the byte of `owner`'s key: F_WRLCK to take or test it.
struct flock owner_byte(std::int64_t key) {
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = static_cast<off_t>(key);
  lock.l_len = 1;
  return lock;
}

// `<database file, symlinks resolved>-owners`, so every name of the file finds one lock file.
Result<std::string> owners_path(const std::string& database_path) {
  char resolved[PATH_MAX];
  if (::realpath(database_path.c_str(), resolved) == nullptr)
    return lease_failed("realpath", database_path);
  return std::string(resolved) + "-owners";
}

}  // namespace

Result<std::unique_ptr<InstanceLease>> SqliteInstanceLease::open(const std::string& database_path) {
  DL_ASSIGN_OR_RETURN(std::string path, owners_path(database_path));
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return lease_failed("open", path);
  for (int attempt = 0; attempt < kOwnerAttempts; ++attempt) {
    std::string owner = make_owner_id();
    struct flock lock = owner_byte(*owner_key(owner));
    if (::fcntl(fd, F_OFD_SETLK, &lock) == 0)
      return std::unique_ptr<InstanceLease>(new SqliteInstanceLease(std::move(owner), fd));
    if (errno != EAGAIN && errno != EACCES) break;
  }
  Error e = lease_failed("fcntl(F_OFD_SETLK)", path);
  ::close(fd);
  return e;
}

SqliteInstanceLease::~SqliteInstanceLease() { ::close(fd_); }

Result<bool> SqliteInstanceLease::alive(Connection& /*c*/, const std::string& owner) {
  if (owner == this->owner()) return true;
  const std::optional<std::int64_t> key = owner_key(owner);
  if (!key) return true;  // not an owner id of ours: assume it runs (stale_after still frees it)
  struct flock lock = owner_byte(*key);
  if (::fcntl(fd_, F_OFD_GETLK, &lock) != 0) return lease_failed("fcntl(F_OFD_GETLK)", "owners");
  return lock.l_type != F_UNLCK;
}

}  // namespace deltalabs
