#include <curl/curl.h>
#include <CLI/CLI.hpp>

#include "app/cli.h"
#include "core/crypto.h"

int main(int argc, char** argv) {
  deltalabs::crypto_init();
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CLI::App app{"Delta Labs backend: the learning platform API service"};
  app.require_subcommand(1);
  deltalabs::Config config;
  deltalabs::add_global_options(app, config);
  const std::vector<deltalabs::Command> commands = {
      deltalabs::serve_command(app, config),  deltalabs::migrate_command(app, config),
      deltalabs::routes_command(app, config), deltalabs::admin_command(app, config),
      deltalabs::mail_command(app, config),   deltalabs::seed_command(app, config),
      deltalabs::schema_command(app, config), deltalabs::check_command(app, config),
  };
  CLI11_PARSE(app, argc, argv);
  for (const auto& command : commands) {
    if (command.cli->parsed()) return command.run();
  }
  return 2;
}
