#include <iostream>
#include <memory>

#include "app/application.h"
#include "app/cli.h"
#include "identity/admin_bootstrap.h"
#include "storage/migrator.h"

namespace deltalabs {

namespace {

struct AdminArgs {
  std::string email;
  std::string password;
  std::string role = "super_admin";
  std::string first_name = "Admin";
  std::string last_name = "User";
};

int fail(const Error& e) {
  std::cerr << "deltalabs: " << e.message;
  for (const auto& d : e.details) std::cerr << " (" << d.field << " " << d.message << ")";
  std::cerr << "\n";
  return 1;
}

}  // namespace

Command admin_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("admin", "Administer accounts without the HTTP server");
  CLI::App* create = cmd->add_subcommand(
      "create", "Create an account with a role, or give an existing one the role");
  cmd->require_subcommand(1);
  auto args = std::make_shared<AdminArgs>();
  create->add_option("--email", args->email, "Email of the account")->required();
  create
      ->add_option("--password", args->password, "Password for a new account (8 to 128 characters)")
      ->required();
  create->add_option("--role", args->role, "Role slug to grant")->capture_default_str();
  create->add_option("--first-name", args->first_name, "First name of a new account");
  create->add_option("--last-name", args->last_name, "Last name of a new account");
  CLI::App* set_password = cmd->add_subcommand(
      "set-password", "Give an existing account a new password and end its sessions");
  auto password_args = std::make_shared<AdminArgs>();
  set_password->add_option("--email", password_args->email, "Email of the account")->required();
  set_password
      ->add_option("--password", password_args->password, "New password (8 to 128 characters)")
      ->required();
  return {cmd, [&config, args, password_args, set_password] {
            auto db = open_configured_database(config);
            if (!db.ok()) return fail(db.error());
            Migrator migrator(**db);
            if (auto migrated = migrator.migrate(); !migrated.ok()) return fail(migrated.error());
            identity::PasswordHasher hasher;
            if (set_password->parsed()) {
              auto done = identity::set_account_password(**db, hasher, password_args->email,
                                                         password_args->password);
              if (!done.ok()) return fail(done.error());
              std::cout << "set the password of " << password_args->email
                        << " and ended its sessions\n";
              return 0;
            }
            auto done = identity::bootstrap_account(**db, hasher, args->email, args->password,
                                                    args->role, args->first_name, args->last_name);
            if (!done.ok()) return fail(done.error());
            std::cout << (done->created ? "created " : "promoted ") << args->email << " ("
                      << done->user_id << ") with role " << args->role << "\n";
            return 0;
          }};
}

}  // namespace deltalabs
