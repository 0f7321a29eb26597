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
  const std::size_t size = key.size() + response.body.size();
  std::unique_lock lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end()) {
    bytes_ -= key.size() + it->second.response.body.size();
    entries_.erase(it);
  }
  // A bound, not an eviction policy: the hot set refills within one TTL.
  if (bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  entries_.emplace(key, Entry{generation, std::chrono::steady_clock::now(), response});
  bytes_ += size;
}

}  // namespace deltalabs::http
