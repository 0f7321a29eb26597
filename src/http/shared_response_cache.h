#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "http/response_cache.h"

namespace deltalabs::http {

// What the shared cache decided for one routed request before its route ran.
struct SharedCacheTicket {
  bool shareable = false;            // the answer may be served to, and stored for, other callers
  std::string key;                   // path and query string, when shareable
  std::uint64_t generation = 0;      // the cache generation before the answer was computed
  std::optional<Response> response;  // the stored answer on a hit
  bool hit = false;                  // answered from the cache: not stored again
};

// Where a write's invalidation goes beyond this process, so that the other
// instances sharing the database drop their entries too (decision 0029).
// Implementations are thread-safe.
class CacheInvalidationBus {
 public:
  virtual ~CacheInvalidationBus() = default;
  // Tells every other instance that data may have changed; called after the
  // write committed, before its response is sent.
  virtual void publish() = 0;
};

// The pipeline's shared-response step (decision 0010): a GET of a route
// marked shared_cache, from a caller whose answer does not depend on who
// asks (a public route, or no Authorization header), may be answered with a
// recent 200 stored for another caller (ResponseCache). Every request that
// may have written data invalidates the cache after it ran. A TTL of 0 turns
// the step off. Thread-safe.
class SharedResponseCache {
 public:
  // A cache whose entries live `ttl` (0 = off).
  explicit SharedResponseCache(std::chrono::milliseconds ttl);

  // The decision for a request whose route is set; a hit carries the stored answer.
  SharedCacheTicket open(const Request& req) const;
  // After the request ran: stores a shareable 200 computed now (not a hit)
  // and, after any request but GET, HEAD and OPTIONS, invalidates every entry.
  void close(const Request& req, const SharedCacheTicket& ticket, const Response& resp);
  // Sends every invalidation on to `bus` too (not owned; it outlives this);
  // set while wiring, before requests arrive.
  void set_bus(CacheInvalidationBus* bus) { bus_ = bus; }
  // Drops every entry: data changed through another instance.
  void invalidate();
  // Whether the cache is on (a TTL above 0).
  bool enabled() const { return cache_ != nullptr; }

 private:
  std::unique_ptr<ResponseCache> cache_;  // null when off
  CacheInvalidationBus* bus_ = nullptr;
};

}  // namespace deltalabs::http
