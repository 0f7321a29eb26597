#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>

#include "app/application.h"
#include "app/background_jobs.h"
#include "app/cli.h"
#include "app/demo_accounts.h"
#include "app/logging.h"
#include "http/server.h"
#include "http/trusted_proxies.h"
#include "identity/admin_bootstrap.h"

namespace deltalabs {

namespace {

// True for "localhost" and addresses in 127.0.0.0/8 or ::1: only this machine can connect.
bool is_loopback(const std::string& host) {
  if (host == "localhost") return true;
  const std::string address = http::canonical_address(host);
  return address == "::1" || address.rfind("127.", 0) == 0;
}

// Refuses (false, with a message on stderr) to serve other machines while a
// demo account still signs in with the password the README publishes.
bool demo_passwords_changed(Database& db, const std::string& host) {
  std::vector<std::string> emails;
  for (const auto& a : kDemoAccounts) emails.emplace_back(a.email);
  identity::PasswordHasher hasher;
  auto found = identity::accounts_with_password(db, hasher, emails, kDemoPassword);
  if (!found.ok()) {
    std::cerr << "deltalabs: " << found.error().message << "\n";
    return false;
  }
  if (found->empty()) return true;
  std::cerr << "deltalabs: refusing to listen on " << host
            << ": these accounts still have the demo password '" << kDemoPassword
            << "' that anyone can look up:\n";
  for (const auto& email : *found) std::cerr << "  " << email << "\n";
  std::cerr << "Change each one against this database (" << db.describe() << "), e.g.\n"
            << "  deltalabs admin set-password --email " << found->front()
            << " --password 'a new passphrase'\n"
            << "or through POST /v1/auth/forgot-password and /v1/auth/reset-password while "
               "serving on a loopback address (--listen 127.0.0.1:PORT).\n";
  return false;
}

int serve(const Config& config) {
  // Block the stop signals in every thread; this one waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  if (config.listen_port() == 0 && config.listen.substr(config.listen.rfind(':') + 1) != "0") {
    std::cerr << "deltalabs: --listen must be HOST:PORT, not '" << config.listen << "'\n";
    return 2;
  }
  auto app = Application::create(config);
  if (!app.ok()) {
    std::cerr << "deltalabs: " << app.error().message
              << (app.error().cause.empty() ? "" : " (" + app.error().cause + ")") << "\n";
    return 1;
  }
  if (!is_loopback(config.listen_host()) &&
      !demo_passwords_changed((*app)->db(), config.listen_host()))
    return 1;
  http::ServerOptions options;
  options.host = config.listen_host();
  options.port = config.listen_port();
  options.threads = config.resolved_threads();
  options.body_limit = config.body_limit;
  options.shutdown_grace = std::chrono::seconds(config.shutdown_grace_s);
  // Migrations ran without a deadline (they may be long); requests get one,
  // so a frozen or unreachable server answers 503, not a hang.
  (*app)->db().limit_statements(std::chrono::milliseconds(config.db_timeout_ms));
  http::Server server(options, (*app)->pipeline());
  if (auto started = server.start(); !started.ok()) {
    std::cerr << "deltalabs: " << started.error().message << "\n";
    return 1;
  }
  // Mail, hold expiry and sweeps: each on the one instance holding its lease (decision 0029).
  BackgroundJobs jobs(**app);
  jobs.start();
  spdlog::info(R"({{"msg":"listening","address":"{}","port":{},"database":"{}","threads":{}}})",
               options.host, server.port(), (*app)->db().describe(), options.threads);
  spdlog::default_logger()->flush();

  int received = 0;
  sigwait(&signals, &received);
  // Rolling restart: stop() refuses new connections, answers /health 503 on
  // kept-alive ones, tells open streams to reconnect, and wait() lets the
  // requests in flight finish within the grace.
  spdlog::info(R"({{"msg":"shutting down","signal":{},"grace_s":{}}})", received,
               config.shutdown_grace_s);
  server.stop();
  server.wait();
  jobs.stop();
  spdlog::info(R"({"msg":"stopped"})");
  return 0;
}

}  // namespace

Command serve_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand("serve", "Migrate the database and serve the HTTP API");
  return {cmd, [&config] {
            if (!setup_logging(config.log_level)) {
              std::cerr << "deltalabs: unknown log level '" << config.log_level << "'\n";
              return 2;
            }
            const int code = serve(config);
            // Only once serve() destroyed the application: its threads (the
            // instance-lease keeper, listeners) may log until they are joined,
            // and a line logged after shutdown() crashed the process.
            spdlog::shutdown();
            return code;
          }};
}

}  // namespace deltalabs
