#pragma once

#include <memory>
#include <string>

#include "app/config.h"
#include "app/read_snapshot_scope.h"
#include "core/cursor_codec.h"
#include "core/result.h"
#include "http/metrics.h"
#include "http/pipeline.h"
#include "http/rate_limiter.h"
#include "http/router.h"
#include "storage/commit_durability.h"
#include "storage/database.h"
#include "storage/instance_lease.h"

namespace deltalabs {

class IdempotencyKeys;
class ReplicaReadScope;
class ReplicaRoutingDatabase;
class SharedCacheBus;
class LabBookingPayments;
class LabOrderHolds;
namespace identity {
class IdentityModule;
}
namespace catalog {
class CatalogModule;
}
namespace content {
class ContentModule;
}
namespace learning {
class LearningModule;
}
namespace engagement {
class EngagementModule;
}
namespace assessment {
class AssessmentModule;
}
namespace ai {
class AiModule;
class FeatureConfigService;
}  // namespace ai
namespace commerce {
class CommerceModule;
}
namespace labs {
class LabsModule;
}

// A wired service: the database (migrated), every domain module, the routes
// and the request pipeline. What `serve` runs and what other subcommands use
// to reach the same services without HTTP.
class Application {
 public:
  // What the process is built for: serving requests holds an instance lease
  // (decision 0025) so that other processes can tell its idempotency claims
  // are alive; inspecting (printing the routes) needs no lease.
  enum class Purpose { kServe, kInspect };

  // Opens and migrates the database, builds every module and registers routes.
  static Result<std::unique_ptr<Application>> create(const Config& config,
                                                     Purpose purpose = Purpose::kServe);
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  const Config& config() const { return config_; }
  Database& db() { return *db_; }
  http::Router& router() { return router_; }
  http::Pipeline& pipeline() { return *pipeline_; }
  http::Metrics& metrics() { return metrics_; }
  identity::IdentityModule& identity() { return *identity_; }
  catalog::CatalogModule& catalog() { return *catalog_; }
  content::ContentModule& content() { return *content_; }
  learning::LearningModule& learning() { return *learning_; }
  engagement::EngagementModule& engagement() { return *engagement_; }
  assessment::AssessmentModule& assessment() { return *assessment_; }
  ai::AiModule& ai() { return *ai_; }
  commerce::CommerceModule& commerce() { return *commerce_; }
  labs::LabsModule& labs() { return *labs_; }
  const CursorCodec& cursors() const { return *cursors_; }
  // This process's owner id among those sharing the database: what its job
  // leases are held under (decision 0029).
  const std::string& instance_owner() const { return instance_owner_; }

 private:
  explicit Application(Config config);
  // Opens and migrates the database and builds the request pipeline around it.
  Status open_storage(Purpose purpose);
  // On PostgreSQL, shares the rate limits and cache invalidations with the
  // other instances on the database (decision 0029).
  void share_with_instances();
  // With a read replica: routes the stale-ok routes' reads (after they are registered).
  void route_reads_to_replica();
  // Builds the domain modules, each after those it calls, and registers their routes.
  Status build_modules();

  Config config_;
  std::unique_ptr<Database> db_;
  http::Router router_;
  http::Metrics metrics_;
  // The named rate-limit policies: the pipeline's per route, the handlers' per account or user.
  http::RateLimits rate_limits_;
  std::unique_ptr<http::Pipeline> pipeline_;
  std::unique_ptr<CursorCodec> cursors_;
  // This process's owner id among those sharing the database (decision 0025).
  std::unique_ptr<InstanceLease> instance_;
  std::string instance_owner_;
  // On PostgreSQL: rate-limit counters and cache invalidations shared with
  // the other instances on the database (decision 0029); null on SQLite.
  std::unique_ptr<http::RateCounterStore> shared_limits_;
  std::unique_ptr<SharedCacheBus> cache_bus_;
  std::unique_ptr<IdempotencyKeys> idempotency_;
  std::unique_ptr<ReadSnapshotScope> read_scope_;
  // With --database-replica (serve): db_ itself, and the scope routing around read_scope_.
  ReplicaRoutingDatabase* replica_routing_ = nullptr;
  std::unique_ptr<ReplicaReadScope> replica_scope_;
  // One group commit for every domain whose writes move money or seats (decision 0016).
  std::unique_ptr<CommitDurability> durable_;
  std::unique_ptr<identity::IdentityModule> identity_;
  std::unique_ptr<catalog::CatalogModule> catalog_;
  std::unique_ptr<content::ContentModule> content_;
  std::unique_ptr<learning::LearningModule> learning_;
  std::unique_ptr<engagement::EngagementModule> engagement_;
  std::unique_ptr<assessment::AssessmentModule> assessment_;
  // Feature flags, read by labs and the assistant; before both.
  std::unique_ptr<ai::FeatureConfigService> features_;
  std::unique_ptr<ai::AiModule> ai_;
  // The seams between labs and commerce (decision 0021), before the modules
  // they join, so they outlive their threads (the hold sweeper).
  std::unique_ptr<LabOrderHolds> lab_order_holds_;
  std::unique_ptr<LabBookingPayments> lab_booking_payments_;
  std::unique_ptr<commerce::CommerceModule> commerce_;
  std::unique_ptr<labs::LabsModule> labs_;
};

// Opens (and creates) the configured database without migrating it.
Result<std::unique_ptr<Database>> open_configured_database(const Config& config);
// The storage settings of `config` for the database at `url`.
DatabaseOptions database_options(const Config& config, std::string url);

}  // namespace deltalabs
