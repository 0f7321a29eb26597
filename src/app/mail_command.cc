#include <iomanip>
#include <iostream>
#include <memory>

#include "app/application.h"
#include "app/cli.h"
#include "platform/mail_outbox.h"
#include "storage/migrator.h"

namespace deltalabs {

Command mail_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("mail", "Inspect the mail outbox");
  CLI::App* list = cmd->add_subcommand("list", "Show the newest messages of the outbox");
  cmd->require_subcommand(1);
  auto limit = std::make_shared<int>(20);
  auto bodies = std::make_shared<bool>(false);
  list->add_option("--limit", *limit, "How many messages")->capture_default_str();
  list->add_flag("--body", *bodies, "Print each message body too");
  return {cmd, [&config, limit, bodies] {
            auto db = open_configured_database(config);
            if (!db.ok()) return std::cerr << "deltalabs: " << db.error().message << "\n", 1;
            Migrator migrator(**db);
            if (auto migrated = migrator.migrate(); !migrated.ok()) {
              return std::cerr << "deltalabs: " << migrated.error().message << "\n", 1;
            }
            auto conn = (*db)->read();
            if (!conn.ok()) return std::cerr << "deltalabs: " << conn.error().message << "\n", 1;
            auto messages = MailOutbox::list(**conn, *limit);
            if (!messages.ok())
              return std::cerr << "deltalabs: " << messages.error().message << "\n", 1;
            for (const auto& m : *messages) {
              std::cout << m.created_at << "  " << std::left << std::setw(8) << m.status
                        << " attempts=" << m.attempts << "  " << m.to << "  " << m.subject << "\n";
              if (m.last_error) std::cout << "    last error: " << *m.last_error << "\n";
              if (*bodies) std::cout << "    " << m.body << "\n";
            }
            if (messages->empty()) std::cout << "(the outbox is empty)\n";
            return 0;
          }};
}

}  // namespace deltalabs
