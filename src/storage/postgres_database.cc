#include "storage/postgres_database.h"

#include "storage/pipelined_reads.h"
#include "storage/postgres_connection.h"

namespace deltalabs {

std::string redact_database_url(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto at = url.find('@');
  if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end) return url;
  const auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

PostgresDatabase::PostgresDatabase(const std::string& url, const DatabaseOptions& options)
    : redacted_(redact_database_url(url)) {
  pool_ = std::make_unique<ConnectionPool>(
      [url, deadline = &deadline_ms_]() -> Result<std::unique_ptr<Connection>> {
        auto c = std::make_unique<PostgresConnection>(url, deadline);
        if (!c->open_status().ok()) return c->open_status().error();
        return std::unique_ptr<Connection>(std::move(c));
      },
      options.pool_size, options.busy_timeout);
  for (std::size_t i = 0; i < options.read_pipelines; ++i)
    pipelines_.push_back(std::make_unique<PostgresPipeline>(url, &deadline_ms_));
}

Result<ConnectionLease> PostgresDatabase::read() {
  if (pipelines_.empty()) return pool_->acquire();
  PostgresPipeline* least = pipelines_.front().get();
  for (const auto& pipeline : pipelines_) {
    if (pipeline->load() < least->load()) least = pipeline.get();
  }
  auto* reads = new PipelinedReads(*least, [pool = pool_.get()] { return pool->acquire(); });
  return ConnectionLease(reads, [](Connection* c) { delete c; });
}

Result<std::unique_ptr<Database>> PostgresDatabase::open(const std::string& url,
                                                         const DatabaseOptions& options) {
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase(url, options));
  DL_TRY(db->ping());
  return std::unique_ptr<Database>(std::move(db));
}

void PostgresDatabase::limit_statements(std::chrono::milliseconds deadline) {
  deadline_ms_.store(static_cast<int>(deadline.count()), std::memory_order_relaxed);
}

Status PostgresDatabase::ping() {
  DL_ASSIGN_OR_RETURN(auto conn, read());
  DL_ASSIGN_OR_RETURN(auto rows, conn->query("SELECT 1"));
  if (rows.size() != 1) return Error::internal("ping returned no row");
  return {};
}

}  // namespace deltalabs
