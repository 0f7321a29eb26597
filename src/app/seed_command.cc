#include <iostream>
#include <memory>

#include "app/application.h"
#include "app/cli.h"
#include "identity/admin_bootstrap.h"
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
  for (const auto& a : kDemoAccounts) {
    DL_TRY(identity::bootstrap_account(db, hasher, a.email, kDemoPassword, a.role, a.first_name, a.last_name));
  }
  return {};
}

}  // namespace

Command seed_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("seed", "Load data into the database");
  auto demo = std::make_shared<bool>(false);
  cmd->add_flag("--demo", *demo, "A small, believable data set for trying the service (idempotent)");
  cmd->require_option(1);
  return {cmd, [&config, demo] {
            auto db = open_configured_database(config);
            if (!db.ok()) return fail(db.error());
            Migrator migrator(**db);
            if (auto migrated = migrator.migrate(); !migrated.ok()) return fail(migrated.error());
            if (*demo) {
              if (auto seeded = seed_demo(**db); !seeded.ok()) return fail(seeded.error());
              std::cout << "demo data loaded into " << (*db)->describe() << "; accounts (password '" << kDemoPassword
                        << "'):\n";
              for (const auto& a : kDemoAccounts) std::cout << "  " << a.email << "  (" << a.role << ")\n";
            }
            return 0;
          }};
}

}  // namespace deltalabs
