#include "http/session.h"

#include <chrono>
#include <utility>

namespace deltalabs::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

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

// What a stream's client reads last at shutdown: reconnect in a second (the
// load balancer has taken this instance out by then), and why.
constexpr std::string_view kFarewell = "retry: 1000\n: server shutting down\n\n";

// How long, and how much, a lingering close reads of a body it will not use.
constexpr std::chrono::seconds kLingerTime{2};
constexpr std::size_t kLingerBytes = 8 * 1024 * 1024;

// /health and /health/db: what a load balancer's check asks.
bool is_health_check(std::string_view path) {
  return path == "/health" || path.rfind("/health/", 0) == 0;
}

}  // namespace

Session::Session(tcp::socket socket, IoWorker& worker, ServerState& shared)
    : stream_(std::move(socket)), worker_(worker), shared_(shared) {
  beast::error_code ec;
  const auto ep = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ = ep.address().to_string();
  stream_.socket().set_option(tcp::no_delay(true), ec);
  worker_.sessions.insert(this);
  shared_.live.fetch_add(1);
}

Session::~Session() {
  // A source outliving a connection that never ended cleanly writes nowhere.
  if (channel_) channel_->close();
  worker_.sessions.erase(this);
  if (shared_.live.fetch_sub(1) == 1) {
    std::lock_guard lock(shared_.drained_mutex);
    shared_.drained.notify_all();
  }
}

void Session::shut_down() {
  closing_ = true;
  if (streaming_) return finish_stream();  // a stream never finishes by itself
  // Bytes already here but not parsed yet are a request on its way: it is
  // served like one begun, not cut off.
  beast::error_code unread;
  const bool arriving = stream_.socket().available(unread) > 0;
  if (!busy_ && !(parser_ && parser_->got_some()) && !arriving) {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }
}

void Session::read_next() {
  parser_.emplace();
  parser_->body_limit(shared_.options.body_limit);
  parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
  stream_.expires_after(shared_.options.idle_timeout);
  bhttp::async_read(
      stream_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void Session::on_read(beast::error_code ec) {
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

void Session::dispatch() {
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
  if (shared_.stopping) {
    closing_ = true;
    // Draining: a load balancer still checking over a kept-alive connection
    // takes this instance out at once, while requests already sent are served.
    if (is_health_check(request_.path)) {
      Response draining = shared_.pipeline.reject(
          Error::unavailable("SERVER_DRAINING", "This instance is shutting down."),
          request_.header("X-Request-Id"), request_.method_text, request_.path);
      draining.header("Retry-After", "1");
      return write(std::move(draining));
    }
  }

  RouteMatch match = shared_.pipeline.match(request_);
  if (!Pipeline::is_blocking(match))
    return write(shared_.pipeline.handle(request_, std::move(match)));
  if (shared_.blocking_pending.fetch_add(1) >= shared_.options.blocking_queue) {
    shared_.blocking_pending.fetch_sub(1);
    Response busy = shared_.pipeline.reject(
        Error::unavailable("SERVER_BUSY", "The server is busy; try again shortly."),
        request_.header("X-Request-Id"), request_.method_text, request_.path);
    busy.header("Retry-After", "1");
    return write(std::move(busy));
  }
  asio::post(shared_.blocking, [self = shared_from_this(), match = std::move(match)]() mutable {
    Response resp = self->shared_.pipeline.handle(self->request_, std::move(match));
    self->shared_.blocking_pending.fetch_sub(1);
    asio::post(self->stream_.get_executor(),
               [self, resp = std::move(resp)]() mutable { self->write(std::move(resp)); });
  });
}

void Session::write(Response resp) {
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

void Session::on_write(beast::error_code ec) {
  busy_ = false;
  if (!ec && parser_ && !parser_->is_done()) return linger_close();
  if (ec || !response_.keep_alive() || closing_) return close();
  read_next();
}

void Session::start_stream(Response resp) {
  streaming_ = true;
  // A stream opened after shut_down() ran is told to reconnect at once.
  stream_finishing_ = shared_.stopping.load();
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
                              if (self->stream_finishing_) return self->send_farewell();
                              self->open_stream();
                            });
}

void Session::open_stream() {
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

void Session::flush_stream() {
  if (stream_ended_ || stream_writing_ || stream_finishing_) return;
  stream_out_ = channel_->take();
  if (stream_out_.empty()) return;
  stream_writing_ = true;
  asio::async_write(stream_, bhttp::make_chunk(asio::buffer(stream_out_)),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      self->stream_writing_ = false;
                      if (ec) return self->end_stream();
                      if (self->stream_finishing_) return self->send_farewell();
                      self->flush_stream();
                    });
}

// A stream's client sends nothing more; a read completing means it left.
void Session::watch_peer() {
  stream_.socket().async_read_some(asio::buffer(peer_bytes_),
                                   [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (ec || self->stream_ended_) return self->end_stream();
                                     self->watch_peer();
                                   });
}

void Session::end_stream() {
  if (stream_ended_) return;
  stream_ended_ = true;
  if (channel_) channel_->close();
  source_->close();
  close();
}

void Session::finish_stream() {
  if (stream_ended_ || stream_finishing_) return;
  stream_finishing_ = true;
  // A write in flight (the header, or a chunk) sends the farewell when it completes.
  if (!stream_writing_ && channel_) send_farewell();
}

void Session::send_farewell() {
  if (stream_ended_) return;
  stream_writing_ = true;
  stream_out_ = channel_ ? channel_->take() : std::string();
  stream_out_ += kFarewell;
  asio::async_write(stream_, bhttp::make_chunk(asio::buffer(stream_out_)),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                      if (ec) return self->end_stream();
                      // The last chunk: the client sees the response end, not a reset.
                      asio::async_write(self->stream_, bhttp::make_chunk_last(),
                                        [self](beast::error_code, std::size_t) {
                                          self->stream_writing_ = false;
                                          self->end_stream();
                                        });
                    });
}

void Session::close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.socket().close(ec);
}

// Closing with unread bytes in the socket makes the kernel answer them with a
// reset, which can destroy the response before the client, or a load balancer
// still sending the body, reads it (issue 21: 413s lost behind haproxy). So,
// as nginx's lingering close does, the response is followed by a half-close
// and the rest of the body is read and dropped until the peer is done.
void Session::linger_close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return close();
  stream_.expires_after(kLingerTime);
  drain_unread();
}

void Session::drain_unread() {
  stream_.async_read_some(asio::buffer(peer_bytes_),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->lingered_ += n;
                            if (ec || self->lingered_ >= kLingerBytes) return self->close();
                            self->drain_unread();
                          });
}

}  // namespace deltalabs::http
