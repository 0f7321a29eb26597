#include <iostream>

#include "app/application.h"
#include "app/cli.h"
#include "storage/migrator.h"

namespace deltalabs {

namespace {

void print_error(const Error& e) {
  std::cerr << "deltalabs: " << e.message << (e.cause.empty() ? "" : " (" + e.cause + ")") << "\n";
}

}  // namespace

Command migrate_command(CLI::App& app, const Config& config) {
  CLI::App* cmd =
      app.add_subcommand("migrate", "Apply pending migrations, or show them with --status");
  auto status_only = std::make_shared<bool>(false);
  cmd->add_flag("--status", *status_only, "List migrations and whether each is applied");
  return {
      cmd, [&config, status_only] {
        auto db = open_configured_database(config);
        if (!db.ok()) return print_error(db.error()), 1;
        Migrator migrator(**db);
        if (*status_only) {
          auto states = migrator.status();
          if (!states.ok()) return print_error(states.error()), 1;
          bool changed = false;
          for (const auto& s : *states) {
            const char* state = !s.applied ? "pending" : s.checksum_matches ? "applied" : "CHANGED";
            changed = changed || (s.applied && !s.checksum_matches);
            std::cout << s.migration.name << "  " << state << "  " << s.applied_at << "  "
                      << s.migration.files << "\n";
          }
          return changed ? 1 : 0;
        }
        auto applied = migrator.migrate();
        if (!applied.ok()) return print_error(applied.error()), 1;
        std::cout << "applied " << *applied << " migration(s) to " << (*db)->describe() << "\n";
        return 0;
      }};
}

}  // namespace deltalabs
