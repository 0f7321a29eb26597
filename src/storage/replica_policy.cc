#include "storage/replica_policy.h"

#include <charconv>
#include <cstdio>

namespace deltalabs {

namespace {

// One hex half of "X/Y"; pg_lsn prints each half as at most 8 hex digits.
std::optional<std::uint32_t> hex_half(std::string_view part) {
  if (part.empty() || part.size() > 8) return std::nullopt;
  std::uint32_t v = 0;
  const auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v, 16);
  if (ec != std::errc{} || ptr != part.data() + part.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<Lsn> parse_lsn(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto high = hex_half(text.substr(0, slash));
  const auto low = hex_half(text.substr(slash + 1));
  if (!high || !low) return std::nullopt;
  return (static_cast<Lsn>(*high) << 32) | *low;
}

std::string format_lsn(Lsn lsn) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%X/%X", static_cast<unsigned>(lsn >> 32),
                static_cast<unsigned>(lsn & 0xFFFFFFFFu));
  return buf;
}

bool ReplicaPolicy::needs_status(Clock::time_point now) const {
  if (down_until_ && now < *down_until_) return false;
  return !status_ || now - status_at_ >= options_.status_ttl;
}

void ReplicaPolicy::observe(Clock::time_point now, ReplicaStatus status) {
  status_ = status;
  status_at_ = now;
  down_until_.reset();
}

void ReplicaPolicy::mark_down(Clock::time_point now) {
  down_until_ = now + options_.down_backoff;
  status_.reset();
}

bool ReplicaPolicy::use_replica(Clock::time_point now, std::optional<Lsn> client_lsn) const {
  if (down_until_ && now < *down_until_) return false;
  // A status older than a few TTLs means the replica was not asked (or did
  // not answer) lately: its lag may have grown unseen.
  if (!status_ || now - status_at_ > 10 * options_.status_ttl) return false;
  if (status_->lag > options_.max_lag) return false;
  return !client_lsn || status_->replay_lsn >= *client_lsn;
}

}  // namespace deltalabs
