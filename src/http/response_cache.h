#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/response.h"

namespace deltalabs::http {

// Recent 200 responses of public GET routes whose answer does not depend on
// the caller (Route::shared_cache), keyed by path and query string.
// Correctness rests on two rules:
//  - every write this process handles moves a generation counter after it
//    committed, and an entry counts only under the generation that was
//    current before its response was computed, so nothing written here is
//    ever served stale;
//  - an entry older than the TTL is ignored, which bounds how long a write
//    made elsewhere (another instance on the same PostgreSQL, the CLI) can
//    go unseen.
class ResponseCache {
 public:
  explicit ResponseCache(std::chrono::milliseconds ttl, std::size_t max_bytes = 32U << 20U)
      : ttl_(ttl), max_bytes_(max_bytes) {}

  // The generation to tag a response with; read it before computing the response.
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Records that data may have changed: every entry stored so far stops counting.
  void invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }
  // The stored response for `key` when it is still current and fresh.
  std::optional<Response> find(const std::string& key) const;
  // Keeps `response`, computed under `generation`, unless that is already outdated.
  void store(const std::string& key, std::uint64_t generation, const Response& response);

 private:
  struct Entry {
    std::uint64_t generation;
    std::chrono::steady_clock::time_point stored;
    Response response;
  };

  std::chrono::milliseconds ttl_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;  // bodies and keys held
  std::atomic<std::uint64_t> generation_{0};
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace deltalabs::http
