#include "app/config.h"

#include <algorithm>
#include <charconv>
#include <thread>

#include "storage/database.h"

namespace deltalabs {

std::string Config::listen_host() const {
  const auto colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? listen : listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return host.empty() ? "0.0.0.0" : host;
}

unsigned short Config::listen_port() const {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return 0;
  unsigned port = 0;
  const char* begin = listen.data() + colon + 1;
  const char* end = listen.data() + listen.size();
  const auto [ptr, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc{} || ptr != end || port > 65535) return 0;
  return static_cast<unsigned short>(port);
}

namespace {

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace

std::size_t Config::resolved_threads() const {
  if (threads > 0) return threads;
  // With read pipelines a request spends most of its time waiting for its
  // batch, holding a thread but no core, and the more requests wait the
  // fuller the batches (decision 0031: 8 to 16 per core measured alike on 2 cores,
  // with a longer tail at 16).
  if (resolved_read_pipelines() > 0) return std::max(16u, 8 * cores());
  // Two per core: request threads block in the kernel on SQLite's file locks
  // and on wake-ups, and a second thread per core keeps the core busy then
  // (measured: GET /v1/users/me +18 % on 2 cores, /health unchanged).
  return std::max(4u, 2 * cores());
}

std::size_t Config::resolved_db_pool() const {
  if (db_pool > 0) return db_pool;
  // One per thread, and two for the background jobs; with read pipelines
  // only writes and session work borrow one, so the threads' number on SQLite.
  if (resolved_read_pipelines() > 0) return std::max(4u, 2 * cores()) + 2;
  return resolved_threads() + 2;
}

std::size_t Config::resolved_read_pipelines() const {
  if (!is_postgres_url(database) || db_read_pipelines == 0) return 0;
  if (db_read_pipelines > 0) return static_cast<std::size_t>(db_read_pipelines);
  // One per two cores (decision 0032): a pipeline's backend uses at most one
  // core, and on 2 cores a second pipeline bought the 20-course page a tenth
  // more req/s at the price of tails up to three times as long.
  return std::max(1u, cores() / 2);
}

}  // namespace deltalabs
