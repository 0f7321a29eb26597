#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

#include "app/config.h"

namespace deltalabs {

// A subcommand and what it runs once every option is parsed; returns the exit code.
struct Command {
  CLI::App* cli;
  std::function<int()> run;
};

// Adds the options every subcommand shares (database, logging, config file,
// server and identity settings) to the root command, with DELTALABS_* names.
void add_global_options(CLI::App& app, Config& config);

// Each subcommand registers its options on `app`; Config is read when run() is called.
Command serve_command(CLI::App& app, const Config& config);
Command migrate_command(CLI::App& app, const Config& config);
Command routes_command(CLI::App& app, const Config& config);
Command admin_command(CLI::App& app, const Config& config);
Command mail_command(CLI::App& app, const Config& config);
Command seed_command(CLI::App& app, const Config& config);
Command schema_command(CLI::App& app, const Config& config);
Command check_command(CLI::App& app, const Config& config);

}  // namespace deltalabs
