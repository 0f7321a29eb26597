#include <iostream>
#include <map>
#include <memory>

#include "app/application.h"
#include "app/cli.h"
#include "catalog/catalog_module.h"
#include "content/content_module.h"
#include "content/demo_catalog.h"
#include "identity/admin_bootstrap.h"
#include "identity/authorization_service.h"
#include "learning/demo_learning.h"
#include "learning/learning_module.h"
#include "storage/migrator.h"

namespace deltalabs {

namespace {

// A demo account: who can sign in to the demo service and what they can do.
struct DemoAccount {
  const char* email;
  const char* role;
  const char* first_name;
  const char* last_name;
};

// Every demo account shares this password; printed by `seed --demo`.
constexpr const char* kDemoPassword = "deltalabs-demo";

constexpr DemoAccount kDemoAccounts[] = {
    {"admin@deltalabs.local", "super_admin", "Ada", "Admin"},
    {"instructor@deltalabs.local", "instructor", "Ines", "Instructor"},
    {"instructor2@deltalabs.local", "instructor", "Ivo", "Instructor"},
    {"ta@deltalabs.local", "ta", "Theo", "Assistant"},
    {"lab@deltalabs.local", "lab_assistant", "Lara", "Labs"},
    {"learner1@deltalabs.local", "student", "Lena", "Learner"},
    {"learner2@deltalabs.local", "student", "Luis", "Learner"},
    {"learner3@deltalabs.local", "student", "Lin", "Learner"},
};

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
  catalog::CatalogModule catalog(db, authz, cursors);
  content::ContentModule content(db, authz, catalog.courses(), cursors);
  Actor admin;
  admin.user_id = ids["admin@deltalabs.local"];
  admin.request_id = "seed-demo";
  DL_TRY(content::DemoCatalog::load(catalog, content, admin, ids["instructor@deltalabs.local"],
                                    ids["instructor2@deltalabs.local"]));
  learning::LearningModule learning(db, authz, catalog.courses(), cursors);
  return learning::DemoLearning::load(
      catalog, content, learning,
      {ids["learner1@deltalabs.local"], ids["learner2@deltalabs.local"],
       ids["learner3@deltalabs.local"]});
}

}  // namespace

Command seed_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("seed", "Load data into the database");
  auto demo = std::make_shared<bool>(false);
  cmd->add_flag("--demo", *demo,
                "A small, believable data set for trying the service (idempotent)");
  cmd->require_option(1);
  return {cmd, [&config, demo] {
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
            return 0;
          }};
}

}  // namespace deltalabs
