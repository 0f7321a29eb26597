#include "http/server.h"

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/stream.h"
#include "http/stream_channel.h"

namespace deltalabs::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

class Session;

// One I/O thread with its own event loop and the connections it serves.
struct Worker {
  std::unordered_set<Session*> sessions;  // declared first: outlives io's handlers
  asio::io_context io{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  std::thread thread;
};

// What sessions share: limits, the pipeline, the blocking pool and counters.
struct Shared {
  const ServerOptions& options;
  Pipeline& pipeline;
  asio::thread_pool& blocking;
  std::atomic<std::size_t> blocking_pending{0};
  std::atomic<std::size_t> live{0};
  std::atomic<bool> stopping{false};
  std::mutex drained_mutex;
  std::condition_variable drained;
};

Error error_for_read_failure(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit) {
    return {ErrorKind::kPayloadTooLarge,
            "PAYLOAD_TOO_LARGE",
            "The request body is larger than allowed.",
            {},
            {}};
  }
  if (ec == bhttp::error::header_limit) {
    return {ErrorKind::kInvalidInput,
            "HEADERS_TOO_LARGE",
            "The request line or headers are too large.",
            {},
            {}};
  }
  return Error::bad_request("MALFORMED_REQUEST",
                            "The request is not valid HTTP/1.1: " + ec.message() + ".");
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Worker& worker, Shared& shared)
      : stream_(std::move(socket)), worker_(worker), shared_(shared) {
    beast::error_code ec;
    const auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = ep.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
    worker_.sessions.insert(this);
    shared_.live.fetch_add(1);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  ~Session() {
    // A source outliving a connection that never ended cleanly writes nowhere.
    if (channel_) channel_->close();
    worker_.sessions.erase(this);
    if (shared_.live.fetch_sub(1) == 1) {
      std::lock_guard lock(shared_.drained_mutex);
      shared_.drained.notify_all();
    }
  }

  void start() { read_next(); }

  // Called on this session's thread at shutdown: idle connections close now,
  // busy ones after their response.
  void shut_down() {
    closing_ = true;
    if (streaming_) return end_stream();  // a stream never finishes by itself
    if (!busy_ && !(parser_ && parser_->got_some())) {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
      stream_.socket().close(ec);
    }
  }

 private:
  void read_next() {
    parser_.emplace();
    parser_->body_limit(shared_.options.body_limit);
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    stream_.expires_after(shared_.options.idle_timeout);
    bhttp::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::bad_descriptor || (closing_ && ec)) {
      return close();
    }
    busy_ = true;
    if (ec) {
      closing_ = true;
      request_ = Request{};  // not the previous request: its method decides whether a body is sent
      const auto& header = parser_->get();
      return write(shared_.pipeline.reject(error_for_read_failure(ec), header["X-Request-Id"],
                                           header.method_string(), header.target()));
    }
    dispatch();
  }

  void dispatch() {
    auto& raw = parser_->get();
    request_ = Request{};
    request_.method_text = raw.method_string();
    request_.method = parse_method(request_.method_text);
    std::string_view target = raw.target();
    // absolute-form (RFC 9112 section 3.2.2): keep only the path and query.
    if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) {
      const auto slash = target.find('/', target.find("//") + 2);
      target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    }
    const auto q = target.find('?');
    request_.path = target.substr(0, q);
    if (q != std::string_view::npos) request_.query_string = target.substr(q + 1);
    request_.headers.reserve(16);
    for (const auto& field : raw) request_.headers.emplace_back(field.name_string(), field.value());
    request_.body = raw.body();
    request_.remote_address = remote_;
    if (shared_.stopping) closing_ = true;

    RouteMatch match = shared_.pipeline.match(request_);
    if (!Pipeline::is_blocking(match))
      return write(shared_.pipeline.handle(request_, std::move(match)));
    if (shared_.blocking_pending.fetch_add(1) >= shared_.options.blocking_queue) {
      shared_.blocking_pending.fetch_sub(1);
      return write(shared_.pipeline.reject(
          Error::unavailable("SERVER_BUSY", "The server is busy; try again shortly."),
          request_.header("X-Request-Id"), request_.method_text, request_.path));
    }
    asio::post(shared_.blocking, [self = shared_from_this(), match = std::move(match)]() mutable {
      Response resp = self->shared_.pipeline.handle(self->request_, std::move(match));
      self->shared_.blocking_pending.fetch_sub(1);
      asio::post(self->stream_.get_executor(),
                 [self, resp = std::move(resp)]() mutable { self->write(std::move(resp)); });
    });
  }

  void write(Response resp) {
    const bool head = request_.method == Method::kHead;
    if (resp.stream && !head) return start_stream(std::move(resp));
    const bool keep_alive = !closing_ && parser_->is_header_done() && parser_->get().keep_alive();
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(resp.status));
    if (!resp.content_type.empty()) response_.set(bhttp::field::content_type, resp.content_type);
    for (auto& [name, value] : resp.headers) response_.insert(name, value);
    response_.keep_alive(keep_alive);
    if (head) {
      response_.content_length(resp.body.size());
    } else {
      response_.body() = std::move(resp.body);
      response_.prepare_payload();
    }
    stream_.expires_after(shared_.options.idle_timeout);
    bhttp::async_write(
        stream_, response_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_write(ec); });
  }

  void on_write(beast::error_code ec) {
    busy_ = false;
    if (ec || !response_.keep_alive() || closing_) return close();
    read_next();
  }

  // Streaming responses (Server-Sent Events): the header goes out chunked,
  // then whatever the source writes into its channel is sent as it comes,
  // until the client leaves, a write fails or the server shuts down. The
  // connection is not reused afterwards.
  void start_stream(Response resp) {
    streaming_ = true;
    source_ = std::move(resp.stream);
    stream_.expires_never();  // a quiet stream is not idle: its source sends heartbeats
    stream_header_ = {};
    stream_header_.version(11);
    stream_header_.result(static_cast<unsigned>(resp.status));
    stream_header_.set(bhttp::field::content_type, resp.content_type);
    for (auto& [name, value] : resp.headers) stream_header_.insert(name, value);
    stream_header_.keep_alive(false);
    stream_header_.chunked(true);
    serializer_.emplace(stream_header_);
    bhttp::async_write_header(stream_, *serializer_,
                              [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                if (ec || self->stream_ended_) return self->end_stream();
                                self->open_stream();
                              });
  }

  void open_stream() {
    std::weak_ptr<Session> weak = weak_from_this();
    auto executor = stream_.get_executor();
    channel_ = std::make_shared<StreamChannel>([weak, executor] {
      asio::post(executor, [weak] {
        if (auto self = weak.lock()) self->flush_stream();
      });
    });
    source_->open(channel_);
    watch_peer();
  }

  // Sends what the channel holds, one write at a time.
  void flush_stream() {
    if (stream_ended_ || stream_writing_) return;
    stream_out_ = channel_->take();
    if (stream_out_.empty()) return;
    stream_writing_ = true;
    asio::async_write(stream_, bhttp::make_chunk(asio::buffer(stream_out_)),
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->stream_writing_ = false;
                        if (ec) return self->end_stream();
                        self->flush_stream();
                      });
  }

  // A stream's client sends nothing more; a read completing means it left.
  void watch_peer() {
    stream_.socket().async_read_some(
        asio::buffer(peer_bytes_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec || self->stream_ended_) return self->end_stream();
          self->watch_peer();
        });
  }

  void end_stream() {
    if (stream_ended_) return;
    stream_ended_ = true;
    if (channel_) channel_->close();
    source_->close();
    close();
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> response_;
  // Streaming state (see start_stream).
  bhttp::response<bhttp::empty_body> stream_header_;
  std::optional<bhttp::response_serializer<bhttp::empty_body>> serializer_;
  std::shared_ptr<StreamSource> source_;
  std::shared_ptr<StreamChannel> channel_;
  std::string stream_out_;
  std::array<char, 512> peer_bytes_{};
  bool streaming_ = false;
  bool stream_writing_ = false;
  bool stream_ended_ = false;
  Request request_;
  Worker& worker_;
  Shared& shared_;
  std::string remote_;
  bool busy_ = false;
  bool closing_ = false;
};

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, Pipeline& pipeline)
      : options_(std::move(options)),
        blocking_(std::max<std::size_t>(1, options_.blocking_threads)),
        shared_{options_, pipeline, blocking_} {
    const std::size_t n = std::max<std::size_t>(1, options_.threads);
    for (std::size_t i = 0; i < n; ++i) workers_.push_back(std::make_unique<Worker>());
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
    Worker& target = *workers_[next_worker_++ % workers_.size()];
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
  Shared shared_;
  std::vector<std::unique_ptr<Worker>> workers_;
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
