#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/pipeline.h"

namespace deltalabs::http {

// Settings of the HTTP listener.
struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t threads = 2;           // I/O threads; handlers run on them
  std::size_t blocking_threads = 2;  // bounded pool for CPU-heavy routes (password hashing)
  std::size_t blocking_queue = 256;  // requests that may wait for that pool before 503
  std::size_t body_limit = 1 << 20;  // bytes; larger bodies get 413
  std::size_t header_limit = 16 << 10;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long after SIGTERM
};

// HTTP/1.1 server on Boost.Beast: one acceptor handing connections round-robin
// to I/O threads that each run their own io_context, keep-alive, size limits
// answered with problem bodies, and graceful shutdown that finishes in-flight
// requests. See docs/decisions/0001-http-server.md.
class Server {
 public:
  Server(ServerOptions options, Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listener and starts the threads; fails when the address is taken.
  Status start();
  // The bound port (useful with port 0).
  unsigned short port() const;
  // Stops accepting, closes idle connections, lets in-flight requests finish.
  // Safe to call from any thread, more than once.
  void stop();
  // Blocks until stop() has drained every connection (or the grace period ended).
  void wait();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deltalabs::http
