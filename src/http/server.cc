#include "http/server.h"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "http/session.h"

namespace deltalabs::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

class Server::Impl {
 public:
  Impl(ServerOptions options, Pipeline& pipeline)
      : options_(std::move(options)),
        blocking_(std::max<std::size_t>(1, options_.blocking_threads)),
        shared_{options_, pipeline, blocking_} {
    const std::size_t n = std::max<std::size_t>(1, options_.threads);
    for (std::size_t i = 0; i < n; ++i) workers_.push_back(std::make_unique<IoWorker>());
    acceptor_.emplace(workers_[0]->io);
  }

  Status start() {
    beast::error_code ec;
    const auto address = asio::ip::make_address(options_.host, ec);
    if (ec)
      return Error::bad_request("INVALID_LISTEN_ADDRESS",
                                "Cannot listen on '" + options_.host + "'.");
    const tcp::endpoint endpoint(address, options_.port);
    acceptor_->open(endpoint.protocol(), ec);
    if (!ec) acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_->bind(endpoint, ec);
    if (!ec) acceptor_->listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      return Error::unavailable("LISTEN_FAILED", "Cannot listen on " + options_.host + ":" +
                                                     std::to_string(options_.port) + ": " +
                                                     ec.message() + ".");
    }
    port_ = acceptor_->local_endpoint().port();
    accept_next();
    for (auto& w : workers_) {
      w->guard.emplace(w->io.get_executor());
      w->thread = std::thread([worker = w.get()] { worker->io.run(); });
    }
    return {};
  }

  unsigned short port() const { return port_; }

  void stop() {
    if (shared_.stopping.exchange(true)) return;
    asio::post(workers_[0]->io, [this] {
      beast::error_code ec;
      acceptor_->close(ec);
    });
    for (auto& w : workers_) {
      asio::post(w->io, [worker = w.get()] {
        // Copy: shut_down may destroy sessions, which edits the set.
        std::vector<Session*> sessions(worker->sessions.begin(), worker->sessions.end());
        for (Session* s : sessions) s->shut_down();
      });
    }
    { std::lock_guard lock(shared_.drained_mutex); }  // no lost wake-up in wait()
    stop_requested_.notify_all();
  }

  void wait() {
    {
      std::unique_lock lock(shared_.drained_mutex);
      stop_requested_.wait(lock, [this] { return shared_.stopping.load(); });
      shared_.drained.wait_for(lock, options_.shutdown_grace,
                               [this] { return shared_.live.load() == 0; });
    }
    for (auto& w : workers_) {
      w->guard.reset();
      w->io.stop();
    }
    for (auto& w : workers_) {
      if (w->thread.joinable()) w->thread.join();
    }
    blocking_.join();
    joined_ = true;
  }

  ~Impl() {
    stop();
    if (!joined_) wait();
  }

 private:
  void accept_next() {
    IoWorker& target = *workers_[next_worker_++ % workers_.size()];
    acceptor_->async_accept(target.io, [this, &target](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !acceptor_->is_open()) return;
      if (!ec) {
        // The socket belongs to target's io_context; start it there.
        asio::post(target.io, [this, &target, s = std::move(socket)]() mutable {
          std::make_shared<Session>(std::move(s), target, shared_)->start();
        });
      } else {
        spdlog::warn("{{\"msg\":\"accept failed\",\"error\":\"{}\"}}", ec.message());
      }
      accept_next();
    });
  }

  ServerOptions options_;
  asio::thread_pool blocking_;
  ServerState shared_;
  std::vector<std::unique_ptr<IoWorker>> workers_;
  std::optional<tcp::acceptor> acceptor_;
  std::size_t next_worker_ = 0;
  unsigned short port_ = 0;
  std::condition_variable_any stop_requested_;
  bool joined_ = false;
};

Server::Server(ServerOptions options, Pipeline& pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {}
Server::~Server() = default;
Status Server::start() { return impl_->start(); }
unsigned short Server::port() const { return impl_->port(); }
void Server::stop() { impl_->stop(); }
void Server::wait() { impl_->wait(); }

}  // namespace deltalabs::http
