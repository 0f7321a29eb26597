#include "http/response_cache.h"

#include <mutex>

namespace deltalabs::http {

std::optional<Response> ResponseCache::find(const std::string& key) const {
  const std::uint64_t current = generation();
  std::shared_lock lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != current ||
      std::chrono::steady_clock::now() - it->second.stored > ttl_) {
    return std::nullopt;
  }
  return it->second.response;
}

void ResponseCache::store(const std::string& key, std::uint64_t generation,
                          const Response& response) {
  if (generation != this->generation()) return;
  std::unique_lock lock(mutex_);
  // A bound, not an eviction policy: the hot set refills within one TTL.
  if (entries_.size() >= max_entries_ && entries_.find(key) == entries_.end()) entries_.clear();
  entries_.insert_or_assign(key, Entry{generation, std::chrono::steady_clock::now(), response});
}

}  // namespace deltalabs::http
