#include "app/application.h"

#include "ai/ai_module.h"
#include "app/lab_payments.h"
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

Result<std::unique_ptr<Database>> open_configured_database(const Config& config) {
  DatabaseOptions options;
  options.url = config.database;
  options.pool_size = config.db_pool > 0 ? config.db_pool : config.resolved_threads() + 2;
  return open_database(options);
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

}  // namespace

Application::Application(Config config) : config_(std::move(config)) {}

Application::~Application() = default;

Result<std::unique_ptr<Application>> Application::create(const Config& config) {
  std::unique_ptr<Application> app(new Application(config));
  DL_ASSIGN_OR_RETURN(app->db_, open_configured_database(config));
  Migrator migrator(*app->db_);
  DL_TRY(migrator.migrate());

  http::PipelineOptions pipeline_options;
  pipeline_options.cors_origins = config.cors_origins;
  pipeline_options.access_log = config.access_log;
  pipeline_options.shared_cache_ttl = std::chrono::milliseconds(config.shared_cache_ms);
  DL_ASSIGN_OR_RETURN(pipeline_options.trusted_proxies,
                      http::TrustedProxies::parse(config.trusted_proxies));
  if (auto site = http::StaticSite::open(config.web_dir)) {
    pipeline_options.web_app = std::make_shared<const http::StaticSite>(std::move(*site));
  }
  app->pipeline_ = std::make_unique<http::Pipeline>(app->router_, app->metrics_, pipeline_options);
  app->pipeline_->set_rate_limits(&app->rate_limits_);
  DL_ASSIGN_OR_RETURN(app->instance_, open_instance_lease(config.database));
  app->idempotency_ = std::make_unique<IdempotencyKeys>(*app->db_, app->instance_.get());
  app->pipeline_->set_idempotency_store(app->idempotency_.get());
  app->read_scope_ = std::make_unique<ReadSnapshotScope>(*app->db_);
  app->pipeline_->set_request_scope(app->read_scope_.get());

  // Cursors are signed with a key derived from the first JWT key, so they stay
  // valid across restarts and instances that share the configuration.
  app->cursors_ = std::make_unique<CursorCodec>(
      config.jwt_keys.empty() ? random_token(32)
                              : hmac_sha256(config.jwt_keys, "deltalabs pagination cursors"));
  const identity::IdentitySettings identity_settings{
      .jwt_keys = config.jwt_keys,
      .jwt_issuer = config.jwt_issuer,
      .jwt_audience = config.jwt_audience,
      .access_token_ttl_s = config.access_token_ttl_s,
      .refresh_token_ttl_s = config.refresh_token_ttl_s,
      .public_url = config.public_url,
      .auth_rate_limit = config.auth_rate_limit,
      .sign_in_rate_limit = config.sign_in_rate_limit,
  };
  DL_ASSIGN_OR_RETURN(app->identity_,
                      identity::IdentityModule::create(*app->db_, identity_settings,
                                                       app->rate_limits_, *app->cursors_));
  app->identity_->register_routes(app->router_);
  app->pipeline_->set_authenticator(&app->identity_->authenticator());
  app->pipeline_->set_permission_gate(&app->identity_->permission_gate());
  app->catalog_ = std::make_unique<catalog::CatalogModule>(
      *app->db_, app->identity_->authorization(), *app->cursors_);
  app->catalog_->register_routes(app->router_);
  app->content_ = std::make_unique<content::ContentModule>(
      *app->db_, app->identity_->authorization(), app->catalog_->courses(), *app->cursors_);
  app->content_->register_routes(app->router_);
  app->durable_ = std::make_unique<CommitDurability>(*app->db_);
  app->learning_ = std::make_unique<learning::LearningModule>(
      *app->db_, *app->durable_, app->identity_->authorization(), app->catalog_->courses(),
      *app->cursors_);
  app->learning_->register_routes(app->router_);
  app->engagement_ = std::make_unique<engagement::EngagementModule>(
      *app->db_, app->learning_->enrollments(), *app->cursors_,
      engagement::EngagementOptions{config.database,
                                    std::chrono::milliseconds(config.sse_heartbeat_ms)});
  app->engagement_->register_routes(app->router_);
  app->assessment_ = std::make_unique<assessment::AssessmentModule>(
      *app->db_, app->identity_->authorization(), app->catalog_->courses(), *app->cursors_);
  app->assessment_->register_routes(app->router_);
  app->commerce_ = std::make_unique<commerce::CommerceModule>(
      *app->db_, *app->durable_, app->identity_->authorization(), app->catalog_->courses(),
      app->learning_->enrollments(), *app->cursors_,
      commerce::CardSettings{config.card_api_url, config.card_api_key, config.card_webhook_secret,
                             config.card_webhook_tolerance_s, config.card_api_timeout_ms});
  app->commerce_->register_routes(app->router_);
  app->labs_ = std::make_unique<labs::LabsModule>(
      *app->db_, *app->durable_, app->identity_->authorization(), *app->cursors_,
      labs::LabsOptions{{}, {std::chrono::seconds(config.lab_hold_seconds)}});
  app->labs_->register_routes(app->router_);
  app->lab_payments_ = std::make_unique<LabPayments>(app->labs_->payment_holds());
  app->labs_->attach_payments(app->lab_payments_.get());
  app->commerce_->attach_lab_bookings(app->lab_payments_.get());
  DL_ASSIGN_OR_RETURN(
      app->ai_, ai::AiModule::create(*app->db_, app->identity_->authorization(),
                                     ai::ToolServices{
                                         .courses = app->catalog_->courses(),
                                         .enrollments = app->learning_->enrollments(),
                                         .grades = app->assessment_->grades(),
                                         .questions = app->engagement_->questions(),
                                         .lab_catalog = &app->labs_->labs(),
                                         .lab_bookings = &app->labs_->bookings(),
                                         .carts = &app->commerce_->carts(),
                                     },
                                     app->content_->sections(), app->rate_limits_, *app->cursors_,
                                     ai_options(config)));
  app->ai_->register_routes(app->router_);
  app->labs_->attach_features(&app->ai_->features());
  add_owner_rules(*app);

  ops::register_routes(app->router_, {*app->db_, app->metrics_, app->router_, config.assets_dir});
  Database* db = app->db_.get();
  app->metrics_.add_gauge("db_pool_connections", "Open database connections",
                          [db] { return static_cast<double>(db->stats().size); });
  app->metrics_.add_gauge("db_pool_in_use", "Database connections in use",
                          [db] { return static_cast<double>(db->stats().in_use); });
  app->metrics_.add_gauge("db_pool_waiting", "Requests waiting for a database connection",
                          [db] { return static_cast<double>(db->stats().waiting); });
  return app;
}

}  // namespace deltalabs
