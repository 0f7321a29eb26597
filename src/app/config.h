#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace deltalabs {

// Every setting of the service. Sources, strongest first: command-line flags,
// the TOML file given by --config, DELTALABS_* environment variables, defaults.
struct Config {
  // Storage (every data subcommand).
  std::string database = "sqlite:./var/deltalabs.db";
  std::size_t db_pool = 0;  // 0 = threads + 2 (with read pipelines: as on SQLite)
  // PostgreSQL: connections carrying every request's reads in batches
  // (decisions 0031, 0032); -1 = one per two cores (at least 1), 0 = none.
  int db_read_pipelines = -1;
  // A PostgreSQL streaming replica for stale-ok reads (serve); empty = none.
  std::string database_replica;
  int replica_max_lag_s = 10;  // a replica further behind is skipped

  // HTTP (serve).
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = 0;  // 0 = two per hardware thread, at least 4
  std::size_t body_limit = 1 << 20;
  std::vector<std::string> cors_origins;
  std::string assets_dir;  // swagger-ui-dist; empty = search the usual places
  // The built web app served at / (index.html there, else no app).
  std::string web_dir = "web/dist";
  bool access_log = true;
  int shared_cache_ms = 1000;  // how long public catalog listings may be reused; 0 = never
  // Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the client.
  std::vector<std::string> trusted_proxies;
  int sse_heartbeat_ms = 15000;  // heartbeat comments on open notification streams
  int lab_hold_seconds = 900;    // how long an unpaid booking of a paid lab holds its seats
  int shutdown_grace_s = 10;     // after SIGTERM: how long requests in flight may take to finish
  // While serving: how long one PostgreSQL statement may wait for the server
  // before its request answers 503 DATABASE_UNAVAILABLE (0 = no limit).
  int db_timeout_ms = 10000;

  // Logs.
  std::string log_level = "info";

  // Identity.
  std::string jwt_keys;  // "kid1:secret1,kid2:secret2"; the first signs
  std::string jwt_issuer = "deltalabs";
  std::string jwt_audience = "deltalabs-api";
  int access_token_ttl_s = 15 * 60;
  int refresh_token_ttl_s = 30 * 24 * 3600;
  // Per minute: failed sign-ins per address and per account, registrations and
  // reset requests per address and per email; 0 = off.
  int auth_rate_limit = 10;
  // Per minute per address: sign-ins, refreshes and token redemptions; 0 = off.
  int sign_in_rate_limit = 300;
  std::string smtp_url;  // smtp://host:port; empty = mail stays in the outbox
  std::string mail_from = "Delta Labs <no-reply@deltalabs.local>";
  std::string public_url = "http://127.0.0.1:8080";

  // AI assistant.
  std::string ai_provider = "builtin";  // builtin (offline) or openai-compatible
  std::string ai_base_url;              // e.g. http://127.0.0.1:8081/v1 (llama.cpp, vLLM, Ollama)
  std::string ai_model;
  std::string ai_api_key;
  int ai_timeout_ms = 30000;
  int ai_rate_limit = 30;                 // chat turns per user per minute; 0 = off
  std::int64_t ai_daily_tokens = 200000;  // per user per UTC day; 0 = no cap
  int ai_max_tool_calls = 8;              // per chat turn
  // Commerce: the card processor (a Stripe-compatible HTTP API); empty URL = no card payments.
  std::string card_api_url;
  std::string card_api_key;
  std::string card_webhook_secret;     // signs POST /v1/payments/webhook
  int card_webhook_tolerance_s = 300;  // how old a signed webhook may be
  int card_api_timeout_ms = 20000;     // a processor call taking longer did not answer

  // The host part of `listen`.
  std::string listen_host() const;
  // The port part of `listen` (0 when malformed).
  unsigned short listen_port() const;
  // Worker threads after resolving 0 to the hardware.
  std::size_t resolved_threads() const;
  // Pooled database connections after resolving 0 to the hardware.
  std::size_t resolved_db_pool() const;
  // Read pipelines after resolving -1 to the hardware; 0 on SQLite.
  std::size_t resolved_read_pipelines() const;
};

}  // namespace deltalabs
