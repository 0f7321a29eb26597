#include "app/cli.h"

namespace deltalabs {

void add_global_options(CLI::App& app, Config& c) {
  app.set_config("--config", "", "Read settings from a TOML file (keys as the long option names)");
  app.add_option("--database", c.database, "sqlite:PATH or postgresql://user:pass@host:port/db")
      ->envname("DELTALABS_DATABASE")
      ->capture_default_str();
  app.add_option("--db-pool", c.db_pool,
                 "Pooled database connections (0 = threads + 2; with read pipelines, as "
                 "many as without them)")
      ->envname("DELTALABS_DB_POOL");
  app.add_option("--db-read-pipelines", c.db_read_pipelines,
                 "PostgreSQL: connections that carry every request's autocommit reads in "
                 "batches, one round trip each (libpq pipeline mode; decisions 0031, 0032); "
                 "-1 = one per two cores (at least 1), 0 = each read borrows a pooled "
                 "connection")
      ->envname("DELTALABS_DB_READ_PIPELINES")
      ->check(CLI::Range(-1, 64))
      ->capture_default_str();
  app.add_option("--database-replica", c.database_replica,
                 "postgresql://... of a streaming replica of --database: serve reads the public "
                 "catalog there (read-your-writes kept; decision 0029)")
      ->envname("DELTALABS_DATABASE_REPLICA");
  app.add_option("--replica-max-lag", c.replica_max_lag_s,
                 "Seconds a replica may lag before its reads go to the primary")
      ->envname("DELTALABS_REPLICA_MAX_LAG")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--log-level", c.log_level, "trace, debug, info, warn, error or off")
      ->envname("DELTALABS_LOG_LEVEL")
      ->capture_default_str();
  app.add_option("--listen", c.listen, "HOST:PORT to serve on")
      ->envname("DELTALABS_LISTEN")
      ->capture_default_str();
  app.add_option("--threads", c.threads,
                 "HTTP worker threads (0 = two per core, at least 4; with PostgreSQL read "
                 "pipelines 8 per core, at least 16)")
      ->envname("DELTALABS_THREADS");
  app.add_option("--body-limit", c.body_limit, "Largest request body in bytes")
      ->envname("DELTALABS_BODY_LIMIT")
      ->capture_default_str();
  app.add_option("--cors-origin", c.cors_origins, "Allowed CORS origin (repeatable, or *)")
      ->envname("DELTALABS_CORS_ORIGINS")
      ->delimiter(',');
  app.add_option("--assets-dir", c.assets_dir, "Folder of swagger-ui-dist for /docs")
      ->envname("DELTALABS_ASSETS_DIR");
  app.add_option("--web-dir", c.web_dir,
                 "Folder of the built web app served at / (SPA fallback); missing = no app")
      ->envname("DELTALABS_WEB_DIR")
      ->capture_default_str();
  app.add_option("--shared-cache-ms", c.shared_cache_ms,
                 "How long a public catalog listing may be served again (0 = never); "
                 "writes in this process invalidate at once")
      ->envname("DELTALABS_SHARED_CACHE_MS")
      ->check(CLI::Range(0, 60000))
      ->capture_default_str();
  app.add_option("--trusted-proxy", c.trusted_proxies,
                 "Reverse proxy address or CIDR range whose X-Forwarded-For names the client "
                 "(repeatable; none by default: the peer address is the client)")
      ->envname("DELTALABS_TRUSTED_PROXIES")
      ->delimiter(',');
  app.add_option("--lab-hold-seconds", c.lab_hold_seconds,
                 "How long an unpaid booking of a paid lab holds its seats before it expires")
      ->envname("DELTALABS_LAB_HOLD_SECONDS")
      ->check(CLI::Range(1, 86400));
  app.add_option("--sse-heartbeat-ms", c.sse_heartbeat_ms,
                 "How often an open notification stream gets a heartbeat comment")
      ->envname("DELTALABS_SSE_HEARTBEAT_MS")
      ->check(CLI::Range(50, 600000))
      ->capture_default_str();
  app.add_option("--shutdown-grace", c.shutdown_grace_s,
                 "Seconds after SIGTERM that requests in flight may take to finish; new "
                 "connections are refused and open streams told to reconnect at once")
      ->envname("DELTALABS_SHUTDOWN_GRACE")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  app.add_option("--db-timeout-ms", c.db_timeout_ms,
                 "While serving: how long one PostgreSQL statement may wait for the server "
                 "before its request answers 503 DATABASE_UNAVAILABLE (0 = no limit)")
      ->envname("DELTALABS_DB_TIMEOUT_MS")
      ->check(CLI::Range(0, 3600000))
      ->capture_default_str();
  app.add_flag("!--no-access-log", c.access_log, "Do not log one line per request")
      ->envname("DELTALABS_ACCESS_LOG");
  app.add_option("--jwt-keys", c.jwt_keys,
                 "Signing keys as kid:secret[,kid:secret]; the first signs")
      ->envname("DELTALABS_JWT_KEYS");
  app.add_option("--jwt-issuer", c.jwt_issuer, "iss of access tokens")
      ->envname("DELTALABS_JWT_ISSUER");
  app.add_option("--jwt-audience", c.jwt_audience, "aud of access tokens")
      ->envname("DELTALABS_JWT_AUDIENCE");
  app.add_option("--access-token-ttl", c.access_token_ttl_s, "Access token lifetime in seconds")
      ->envname("DELTALABS_ACCESS_TOKEN_TTL")
      ->capture_default_str();
  app.add_option("--refresh-token-ttl", c.refresh_token_ttl_s, "Refresh token lifetime in seconds")
      ->envname("DELTALABS_REFRESH_TOKEN_TTL")
      ->capture_default_str();
  app.add_option("--auth-rate-limit", c.auth_rate_limit,
                 "Per minute: failed sign-ins per address and per account, registrations and "
                 "password-reset requests per address and per email (0 = off)")
      ->envname("DELTALABS_AUTH_RATE_LIMIT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--sign-in-rate-limit", c.sign_in_rate_limit,
                 "Per minute per address: sign-ins and refreshes, successful or not (0 = off)")
      ->envname("DELTALABS_SIGN_IN_RATE_LIMIT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--smtp-url", c.smtp_url,
                 "smtp://host:port to deliver mail; empty keeps it in the outbox")
      ->envname("DELTALABS_SMTP_URL");
  app.add_option("--mail-from", c.mail_from, "From address of outgoing mail")
      ->envname("DELTALABS_MAIL_FROM");
  app.add_option("--public-url", c.public_url, "Base URL used in mailed links")
      ->envname("DELTALABS_PUBLIC_URL");
  app.add_option("--ai-provider", c.ai_provider,
                 "The assistant's model: builtin (offline, deterministic) or openai-compatible")
      ->envname("DELTALABS_AI_PROVIDER")
      ->check(CLI::IsMember({"builtin", "openai-compatible"}))
      ->capture_default_str();
  app.add_option("--ai-base-url", c.ai_base_url,
                 "Base URL of an OpenAI-compatible Chat Completions API (POSTs go to "
                 "<url>/chat/completions)")
      ->envname("DELTALABS_AI_BASE_URL");
  app.add_option("--ai-model", c.ai_model, "Model name sent to the openai-compatible provider")
      ->envname("DELTALABS_AI_MODEL");
  app.add_option("--ai-api-key", c.ai_api_key, "Bearer key for the openai-compatible provider")
      ->envname("DELTALABS_AI_API_KEY");
  app.add_option("--ai-timeout-ms", c.ai_timeout_ms, "How long one model call may take")
      ->envname("DELTALABS_AI_TIMEOUT_MS")
      ->check(CLI::Range(100, 600000))
      ->capture_default_str();
  app.add_option("--ai-rate-limit", c.ai_rate_limit,
                 "Assistant turns per user per minute (0 = off)")
      ->envname("DELTALABS_AI_RATE_LIMIT")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--ai-daily-tokens", c.ai_daily_tokens,
                 "Assistant tokens per user per UTC day (0 = no cap)")
      ->envname("DELTALABS_AI_DAILY_TOKENS")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--ai-max-tool-calls", c.ai_max_tool_calls, "Tool calls per assistant turn")
      ->envname("DELTALABS_AI_MAX_TOOL_CALLS")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  app.add_option("--card-api-url", c.card_api_url,
                 "Base URL of the Stripe-compatible card processor; empty = no card payments")
      ->envname("DELTALABS_CARD_API_URL");
  app.add_option("--card-api-key", c.card_api_key, "Secret API key of the card processor")
      ->envname("DELTALABS_CARD_API_KEY");
  app.add_option("--card-webhook-secret", c.card_webhook_secret,
                 "Secret that signs the card processor's webhooks")
      ->envname("DELTALABS_CARD_WEBHOOK_SECRET");
  app.add_option("--card-webhook-tolerance", c.card_webhook_tolerance_s,
                 "Seconds a signed webhook stays acceptable")
      ->envname("DELTALABS_CARD_WEBHOOK_TOLERANCE")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--card-api-timeout-ms", c.card_api_timeout_ms,
                 "Milliseconds a card processor call may take before it counts as unanswered")
      ->envname("DELTALABS_CARD_API_TIMEOUT_MS")
      ->check(CLI::Range(100, 120000))
      ->capture_default_str();
  app.fallthrough();
}

}  // namespace deltalabs
