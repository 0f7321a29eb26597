#include "storage/instance_lease.h"

#include <charconv>
#include <cstdio>
#include <random>

#include "storage/database.h"
#include "storage/postgres_instance_lease.h"
#include "storage/sqlite_instance_lease.h"

namespace deltalabs {

namespace {

constexpr std::uint64_t kKeyMask = (std::uint64_t{1} << 62) - 1;

}  // namespace

Result<std::unique_ptr<InstanceLease>> open_instance_lease(const std::string& database_url) {
  const std::string& url = database_url;
  if (is_postgres_url(url)) return PostgresInstanceLease::open(url);
  if (url.rfind("sqlite:", 0) == 0) return SqliteInstanceLease::open(url.substr(7));
  if (url.find("://") == std::string::npos && !url.empty()) return SqliteInstanceLease::open(url);
  return Error::bad_request(
      "UNSUPPORTED_DATABASE_URL",
      "Database URLs start with sqlite: or postgresql://, not '" + url + "'.");
}

std::string make_owner_id() {
  std::random_device device;
  const std::uint64_t bits = ((std::uint64_t{device()} << 32) | std::uint64_t{device()}) & kKeyMask;
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(bits));
  return text;
}

std::optional<std::int64_t> owner_key(std::string_view owner) {
  if (owner.size() != 16) return std::nullopt;
  std::uint64_t bits = 0;
  const auto [end, ec] = std::from_chars(owner.data(), owner.data() + owner.size(), bits, 16);
  if (ec != std::errc() || end != owner.data() + owner.size() || bits > kKeyMask)
    return std::nullopt;
  return static_cast<std::int64_t>(bits);
}

}  // namespace deltalabs
