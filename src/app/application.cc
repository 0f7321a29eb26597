#include "app/application.h"

#include "ai/ai_module.h"
#include "app/lab_booking_payments.h"
#include "app/lab_order_holds.h"
#include "app/read_replica.h"
#include "app/replica_read_scope.h"
#include "app/shared_cache_bus.h"
#include "app/shared_rate_limiter.h"
#include "assessment/assessment_module.h"
#include "catalog/catalog_module.h"
#include "commerce/commerce_module.h"
#include "content/content_module.h"
#include "core/crypto.h"
#include "engagement/engagement_module.h"
#include "identity/identity_module.h"
#include "labs/labs_module.h"
#include "learning/learning_module.h"
#include "ops/ops_handlers.h"
#include "platform/idempotency_keys.h"
#include "storage/migrator.h"

namespace deltalabs {

DatabaseOptions database_options(const Config& config, std::string url) {
  DatabaseOptions options;
  options.url = std::move(url);
  options.pool_size = config.resolved_db_pool();
  options.read_pipelines = config.resolved_read_pipelines();
  return options;
}

Result<std::unique_ptr<Database>> open_configured_database(const Config& config) {
  return open_database(database_options(config, config.database));
}

namespace {

// Who may pass the pipeline's permission gate without holding a permission:
// the owners the catalog and content services also let through.
void add_owner_rules(Application& app) {
  identity::RoutePermissionGate& gate = app.identity().permission_gate();
  catalog::CourseService& courses = app.catalog().courses();
  for (const char* permission : {"courses:update", "courses:delete", "courses:publish"}) {
    gate.add_owner_rule(permission, [&courses](const Actor& a) { return courses.teaches_any(a); });
  }
  // Authors create their own instructor profile (InstructorService::create);
  // the gate cannot tell that route from the other catalog:manage ones, so
  // authors see those routes' validation too, and the services still say 403.
  const identity::AuthorizationService& authz = app.identity().authorization();
  gate.add_owner_rule("catalog:manage", [&authz](const Actor& a) {
    return authz.holds_anywhere(a, "courses:create");
  });
  content::SuperCourseService& super_courses = app.content().super_courses();
  gate.add_owner_rule("courses:update",
                      [&super_courses](const Actor& a) { return super_courses.created_any(a); });
  // A lab's own host decides its bookings, and so do holders of labs:manage
  // (LabAccess::approves); the services still say 403 for other labs.
  labs::LabsModule& labs = app.labs();
  gate.add_owner_rule("labs:approve", [&labs](const Actor& a) { return labs.hosts_any(a); });
  gate.add_owner_rule("labs:approve",
                      [&authz](const Actor& a) { return authz.holds_anywhere(a, "labs:manage"); });
}

ai::AiOptions ai_options(const Config& config) {
  ai::AiOptions o;
  o.provider = config.ai_provider;
  o.openai = {config.ai_base_url, config.ai_model, config.ai_api_key,
              std::chrono::milliseconds(config.ai_timeout_ms)};
  o.limits.daily_tokens = config.ai_daily_tokens;
  o.limits.max_tool_calls = config.ai_max_tool_calls;
  o.chat_rate_limit = static_cast<std::uint32_t>(config.ai_rate_limit);
  return o;
}

// Opens the configured database and applies the migrations it lacks.
Result<std::unique_ptr<Database>> open_migrated_database(const Config& config) {
  DL_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, open_configured_database(config));
  Migrator migrator(*db);
  DL_TRY(migrator.migrate());
  return db;
}

Result<http::PipelineOptions> pipeline_options(const Config& config) {
  http::PipelineOptions options;
  options.cors_origins = config.cors_origins;
  options.access_log = config.access_log;
  options.shared_cache_ttl = std::chrono::milliseconds(config.shared_cache_ms);
  DL_ASSIGN_OR_RETURN(options.trusted_proxies, http::TrustedProxies::parse(config.trusted_proxies));
  if (auto site = http::StaticSite::open(config.web_dir)) {
    options.web_app = std::make_shared<const http::StaticSite>(std::move(*site));
  }
  return options;
}

// The pipeline with the configured options and the rate-limit policies.
Result<std::unique_ptr<http::Pipeline>> build_pipeline(const Config& config, http::Router& router,
                                                       http::Metrics& metrics,
                                                       http::RateLimits& rate_limits) {
  DL_ASSIGN_OR_RETURN(const http::PipelineOptions options, pipeline_options(config));
  auto pipeline = std::make_unique<http::Pipeline>(router, metrics, options);
  pipeline->set_rate_limits(&rate_limits);
  return pipeline;
}

// Cursors are signed with a key derived from the first JWT key, so they stay
// valid across restarts and instances that share the configuration.
std::string cursor_key(const Config& config) {
  return config.jwt_keys.empty() ? random_token(32)
                                 : hmac_sha256(config.jwt_keys, "deltalabs pagination cursors");
}

identity::IdentitySettings identity_settings(const Config& config) {
  return {
      .jwt_keys = config.jwt_keys,
      .jwt_issuer = config.jwt_issuer,
      .jwt_audience = config.jwt_audience,
      .access_token_ttl_s = config.access_token_ttl_s,
      .refresh_token_ttl_s = config.refresh_token_ttl_s,
      .public_url = config.public_url,
      .auth_rate_limit = config.auth_rate_limit,
      .sign_in_rate_limit = config.sign_in_rate_limit,
  };
}

commerce::CardSettings card_settings(const Config& config) {
  return {config.card_api_url, config.card_api_key, config.card_webhook_secret,
          config.card_webhook_tolerance_s, config.card_api_timeout_ms};
}

engagement::EngagementOptions engagement_options(const Config& config) {
  return {config.database, std::chrono::milliseconds(config.sse_heartbeat_ms)};
}

labs::LabsOptions labs_options(const Config& config) {
  return {{}, {std::chrono::seconds(config.lab_hold_seconds)}};
}

// What the assistant's tools call, as the user: the modules built before it.
ai::ToolServices tool_services(Application& app) {
  return {
      .courses = app.catalog().courses(),
      .enrollments = app.learning().enrollments(),
      .grades = app.assessment().grades(),
      .questions = app.engagement().questions(),
      .lab_catalog = &app.labs().labs(),
      .lab_bookings = &app.labs().bookings(),
      .carts = &app.commerce().carts(),
  };
}

// The database pool's gauges on /metrics.
void add_pool_gauges(http::Metrics& metrics, Database* db) {
  metrics.add_gauge("db_pool_connections", "Open database connections",
                    [db] { return static_cast<double>(db->stats().size); });
  metrics.add_gauge("db_pool_in_use", "Database connections in use",
                    [db] { return static_cast<double>(db->stats().in_use); });
  metrics.add_gauge("db_pool_waiting", "Requests waiting for a database connection",
                    [db] { return static_cast<double>(db->stats().waiting); });
}

}  // namespace

Application::Application(Config config) : config_(std::move(config)) {}

Application::~Application() = default;

Result<std::unique_ptr<Application>> Application::create(const Config& config, Purpose purpose) {
  std::unique_ptr<Application> app(new Application(config));
  DL_TRY(app->open_storage(purpose));
  DL_TRY(app->build_modules());
  ops::register_routes(app->router_, {*app->db_, app->metrics_, app->router_, config.assets_dir});
  add_pool_gauges(app->metrics_, app->db_.get());
  app->route_reads_to_replica();
  return app;
}

Status Application::open_storage(Purpose purpose) {
  DL_ASSIGN_OR_RETURN(db_, open_migrated_database(config_));
  if (purpose == Purpose::kServe && !config_.database_replica.empty()) {
    DL_ASSIGN_OR_RETURN(auto routing, open_read_replica(std::move(db_), config_));
    replica_routing_ = routing.get();
    db_ = std::move(routing);
  }
  DL_ASSIGN_OR_RETURN(pipeline_, build_pipeline(config_, router_, metrics_, rate_limits_));
  if (purpose == Purpose::kServe) {
    DL_ASSIGN_OR_RETURN(instance_, open_instance_lease(config_.database));
  }
  instance_owner_ = instance_ ? instance_->owner() : make_owner_id();
  if (purpose == Purpose::kServe) share_with_instances();
  idempotency_ = std::make_unique<IdempotencyKeys>(*db_, instance_.get());
  pipeline_->set_idempotency_store(idempotency_.get());
  read_scope_ = std::make_unique<ReadSnapshotScope>(*db_);
  pipeline_->set_request_scope(read_scope_.get());
  cursors_ = std::make_unique<CursorCodec>(cursor_key(config_));
  return {};
}

void Application::share_with_instances() {
  // SQLite: one process serves a file, and its memory is the whole truth.
  if (db_->dialect() != Dialect::kPostgres) return;
  shared_limits_ = std::make_unique<SharedRateLimiter>(*db_);
  rate_limits_.set_store(shared_limits_.get());
  http::SharedResponseCache& cache = pipeline_->shared_cache();
  if (!cache.enabled()) return;
  cache_bus_ = std::make_unique<SharedCacheBus>(*db_, config_.database, instance_owner_, cache);
  cache.set_bus(cache_bus_.get());
  cache_bus_->start();
}

void Application::route_reads_to_replica() {
  if (replica_routing_ == nullptr) return;
  replica_scope_ = std::make_unique<ReplicaReadScope>(
      *read_scope_, *replica_routing_, router_, stale_ok_paths(), write_position_age(config_));
  pipeline_->set_request_scope(replica_scope_.get());
  add_replica_counters(metrics_, *replica_routing_);
}

Status Application::build_modules() {
  // The domain modules, each after those it calls; each registers its routes.
  DL_ASSIGN_OR_RETURN(identity_, identity::IdentityModule::create(*db_, identity_settings(config_),
                                                                  rate_limits_, *cursors_));
  identity_->register_routes(router_);
  pipeline_->set_authenticator(&identity_->authenticator());
  pipeline_->set_permission_gate(&identity_->permission_gate());
  const identity::AuthorizationService& authz = identity_->authorization();
  catalog_ = std::make_unique<catalog::CatalogModule>(
      *db_, authz, *cursors_,
      catalog::CourseChecks{&content::ContentModule::has_content,
                            &learning::LearningModule::is_member});
  catalog_->register_routes(router_);
  catalog::CourseService& courses = catalog_->courses();
  content_ = std::make_unique<content::ContentModule>(*db_, authz, courses, *cursors_);
  content_->register_routes(router_);
  durable_ = std::make_unique<CommitDurability>(*db_);
  learning_ =
      std::make_unique<learning::LearningModule>(*db_, *durable_, authz, courses, *cursors_);
  learning_->register_routes(router_);
  engagement_ = std::make_unique<engagement::EngagementModule>(
      *db_, learning_->enrollments(), *cursors_, engagement_options(config_));
  engagement_->register_routes(router_);
  assessment_ = std::make_unique<assessment::AssessmentModule>(*db_, authz, courses, *cursors_);
  assessment_->register_routes(router_);
  // Labs and commerce meet through two seams (decision 0021): labs is built
  // on the order holds, commerce on the booking payments over labs.
  features_ = std::make_unique<ai::FeatureConfigService>(*db_, authz);
  lab_order_holds_ = std::make_unique<LabOrderHolds>();
  labs_ = std::make_unique<labs::LabsModule>(*db_, *durable_, authz, *cursors_, *lab_order_holds_,
                                             *features_, labs_options(config_));
  lab_booking_payments_ = std::make_unique<LabBookingPayments>(labs_->payment_holds());
  commerce_ = std::make_unique<commerce::CommerceModule>(
      *db_, *durable_, authz, courses, learning_->enrollments(), *cursors_, *lab_booking_payments_,
      card_settings(config_));
  commerce_->register_routes(router_);
  labs_->register_routes(router_);
  DL_ASSIGN_OR_RETURN(
      ai_, ai::AiModule::create(*db_, tool_services(*this), content_->sections(), *features_,
                                rate_limits_, *cursors_, ai_options(config_)));
  ai_->register_routes(router_);
  add_owner_rules(*this);
  return {};
}

}  // namespace deltalabs
