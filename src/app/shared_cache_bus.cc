#include "app/shared_cache_bus.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace deltalabs {

namespace {

constexpr const char* kChannel = "deltalabs_shared_cache";

}  // namespace

SharedCacheBus::SharedCacheBus(Database& db, const std::string& url, std::string owner,
                               http::SharedResponseCache& cache)
    : owner_(std::move(owner)),
      cache_(cache),
      signal_(db, url, kChannel, [this](const std::vector<std::string>& payloads, bool missed) {
        // This instance's own writes were invalidated here already.
        const bool elsewhere = std::any_of(payloads.begin(), payloads.end(),
                                           [this](const auto& p) { return p != owner_; });
        if (missed || elsewhere) cache_.invalidate();
      }) {}

void SharedCacheBus::publish() {
  if (Status sent = signal_.publish(owner_); !sent.ok())
    spdlog::warn(R"({{"msg":"cache invalidation not sent to other instances","cause":"{}"}})",
                 sent.error().code);
}

}  // namespace deltalabs
