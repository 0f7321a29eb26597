#include <unistd.h>

#include <chrono>
#include <iostream>
#include <map>
#include <memory>

#include "ai/feature_config_service.h"
#include "app/application.h"
#include "app/cli.h"
#include "app/demo_accounts.h"
#include "app/lab_booking_payments.h"
#include "app/lab_order_holds.h"
#include "app/progress_reporter.h"
#include "app/scale_data_set.h"
#include "assessment/demo_assessment.h"
#include "catalog/catalog_module.h"
#include "commerce/demo_commerce.h"
#include "content/content_module.h"
#include "content/demo_catalog.h"
#include "engagement/demo_engagement.h"
#include "engagement/engagement_module.h"
#include "identity/admin_bootstrap.h"
#include "identity/authorization_service.h"
#include "labs/demo_labs.h"
#include "learning/demo_learning.h"
#include "learning/learning_module.h"
#include "storage/migrator.h"

namespace deltalabs {

namespace {

int fail(const Error& e) {
  std::cerr << "deltalabs: " << e.message << (e.cause.empty() ? "" : " (" + e.cause + ")") << "\n";
  return 1;
}

// Loads the demo data set; running it again changes nothing.
Status seed_demo(Database& db) {
  identity::PasswordHasher hasher;
  std::map<std::string, std::string> ids;  // email -> user id
  for (const auto& a : kDemoAccounts) {
    DL_ASSIGN_OR_RETURN(auto done, identity::bootstrap_account(db, hasher, a.email, kDemoPassword,
                                                               a.role, a.first_name, a.last_name));
    ids[a.email] = done.user_id;
  }
  // The catalog goes through the same services the API uses, acting as the demo admin.
  identity::AuthorizationService authz(db);
  CursorCodec cursors("seed");
  catalog::CatalogModule catalog(
      db, authz, cursors,
      {&content::ContentModule::has_content, &learning::LearningModule::is_member});
  content::ContentModule content(db, authz, catalog.courses(), cursors);
  Actor admin;
  admin.user_id = ids["admin@deltalabs.local"];
  admin.request_id = "seed-demo";
  DL_TRY(content::DemoCatalog::load(catalog, content, admin, ids["instructor@deltalabs.local"],
                                    ids["instructor2@deltalabs.local"]));
  CommitDurability durable(db);
  learning::LearningModule learning(db, durable, authz, catalog.courses(), cursors);
  const std::vector<std::string> learners = {ids["learner1@deltalabs.local"],
                                             ids["learner2@deltalabs.local"],
                                             ids["learner3@deltalabs.local"]};
  DL_TRY(learning::DemoLearning::load(catalog, content, learning, learners));
  assessment::AssessmentModule assessment(db, authz, catalog.courses(), cursors);
  DL_TRY(assessment::DemoAssessment::load(learning, assessment, admin, learners));
  // No streams are opened here, so the hub needs no database URL.
  engagement::EngagementModule engagement(db, learning.enrollments(), cursors, {});
  DL_TRY(engagement::DemoEngagement::load(
      learning, engagement,
      {ids["admin@deltalabs.local"], ids["instructor@deltalabs.local"],
       ids["instructor2@deltalabs.local"], learners}));
  // Paid demo bookings hold their payment as orders, as through the API.
  LabOrderHolds lab_order_holds;
  ai::FeatureConfigService features(db, authz);
  labs::LabsModule labs(db, durable, authz, cursors, lab_order_holds, features, {});
  LabBookingPayments lab_booking_payments(labs.payment_holds());
  commerce::CommerceModule commerce(db, durable, authz, catalog.courses(), learning.enrollments(),
                                    cursors, lab_booking_payments);
  DL_TRY(commerce::DemoCommerce::load(catalog.courses(), commerce,
                                      {ids["admin@deltalabs.local"], learners}));
  return labs::DemoLabs::load(
      labs, {ids["instructor@deltalabs.local"], ids["lab@deltalabs.local"], learners});
}

// Loads the benchmark data set; refuses a database that already holds one.
Status seed_scale(Database& db, const ScaleOptions& options) {
  const ScaleDataSet data(options);
  DL_TRY(data.validate());
  const auto started = std::chrono::steady_clock::now();
  ProgressReporter progress(std::cerr, ::isatty(STDERR_FILENO) == 1);
  identity::PasswordHasher hasher;
  DL_ASSIGN_OR_RETURN(ScaleSummary s, data.load(db, hasher, progress));
  progress.finish();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "scale data loaded into " << db.describe() << " in " << seconds << " s: " << s.users
            << " users (" << s.instructors << " instructors), " << s.courses << " courses ("
            << s.published_courses << " published), " << s.sections << " sections, " << s.items
            << " items, " << s.enrollments << " enrollments, " << s.progress
            << " progress rows\nevery account signs in with password '" << ScaleDataSet::kPassword
            << "', e.g. " << ScaleDataSet::email_of(0) << " (instructor), "
            << ScaleDataSet::email_of(s.users - 1) << " (student)\n";
  return {};
}

}  // namespace

Command seed_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("seed", "Load data into the database");
  auto demo = std::make_shared<bool>(false);
  auto scale = std::make_shared<bool>(false);
  auto sizes = std::make_shared<ScaleOptions>();
  auto* demo_flag = cmd->add_flag(
      "--demo", *demo, "A small, believable data set for trying the service (idempotent)");
  auto* scale_flag =
      cmd->add_flag("--scale", *scale,
                    "The large benchmark data set (one transaction; refused when already loaded)");
  demo_flag->excludes(scale_flag);
  cmd->add_option("--users", sizes->users,
                  "--scale: accounts (one instructor per 20 courses, the rest learners)")
      ->capture_default_str();
  cmd->add_option("--courses", sizes->courses, "--scale: courses")->capture_default_str();
  cmd->add_option("--enrollments", sizes->enrollments, "--scale: enrollments")
      ->capture_default_str();
  cmd->add_option("--sections", sizes->sections_per_course, "--scale: sections per course")
      ->capture_default_str();
  cmd->add_option("--items", sizes->items_per_section, "--scale: content items per section")
      ->capture_default_str();
  cmd->callback([demo, scale] {
    if (!*demo && !*scale) throw CLI::RequiredError("--demo or --scale");
  });
  return {cmd, [&config, demo, scale, sizes] {
            auto db = open_configured_database(config);
            if (!db.ok()) return fail(db.error());
            Migrator migrator(**db);
            if (auto migrated = migrator.migrate(); !migrated.ok()) return fail(migrated.error());
            if (*demo) {
              if (auto seeded = seed_demo(**db); !seeded.ok()) return fail(seeded.error());
              std::cout << "demo data loaded into " << (*db)->describe() << "; accounts (password '"
                        << kDemoPassword << "'):\n";
              for (const auto& a : kDemoAccounts)
                std::cout << "  " << a.email << "  (" << a.role << ")\n";
            }
            if (*scale) {
              if (auto seeded = seed_scale(**db, *sizes); !seeded.ok()) return fail(seeded.error());
            }
            return 0;
          }};
}

}  // namespace deltalabs
