#pragma once

#include <string>

#include "http/shared_response_cache.h"
#include "storage/database.h"
#include "storage/database_signal.h"

namespace deltalabs {

// Carries the shared response cache's invalidations between the instances
// on one PostgreSQL database (decision 0029): a write through one instance
// sends a NOTIFY right after its commit, and every other instance's listener
// thread drops its entries as soon as the signal arrives (milliseconds on one
// network; the tests hold it to 100 ms). A listener that reconnects drops
// them too, since signals may have been missed. Thread-safe.
class SharedCacheBus final : public http::CacheInvalidationBus {
 public:
  // The bus of the instance `owner` (its instance lease id) for `cache`, over
  // the database `url` names; listening once start() ran.
  SharedCacheBus(Database& db, const std::string& url, std::string owner,
                 http::SharedResponseCache& cache);

  // One NOTIFY on a pooled connection; a failure is logged (the other
  // instances' entries then live out their TTL).
  void publish() override;
  // Starts the listener thread.
  void start() { signal_.start(); }
  // Stops it.
  void stop() { signal_.stop(); }

 private:
  std::string owner_;
  http::SharedResponseCache& cache_;
  DatabaseSignal signal_;
};

}  // namespace deltalabs
