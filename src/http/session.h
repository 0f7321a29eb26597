#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>

#include "http/pipeline.h"
#include "http/server.h"
#include "http/stream.h"
#include "http/stream_channel.h"

namespace deltalabs::http {

class Session;

// One I/O thread of the Server with its own event loop and the connections it
// serves. The loop's handlers and the sessions run only on `thread`.
struct IoWorker {
  std::unordered_set<Session*> sessions;  // declared first: outlives io's handlers
  boost::asio::io_context io{1};
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard;
  std::thread thread;
};

// What the Server's sessions share: limits, the pipeline, the blocking pool
// and counters. The counters and `stopping` may be touched from any thread.
struct ServerState {
  const ServerOptions& options;
  Pipeline& pipeline;
  boost::asio::thread_pool& blocking;
  std::atomic<std::size_t> blocking_pending{0};
  std::atomic<std::size_t> live{0};
  std::atomic<bool> stopping{false};
  std::mutex drained_mutex;
  std::condition_variable drained;  // notified when `live` drops to zero
};

// One HTTP/1.1 connection: reads requests within the body and header limits,
// hands each to the pipeline (blocking routes to the bounded pool, 503
// SERVER_BUSY when its queue is full), writes the answers with keep-alive,
// and streams Server-Sent Events. Owned by the shared_ptrs of its pending
// handlers; lives on its worker's thread, where every member function but
// the constructor's caller must run.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // Registers the connection with `worker` and counts it live in `state`.
  Session(boost::asio::ip::tcp::socket socket, IoWorker& worker, ServerState& state);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  // Closes a stream still open and wakes Server::wait when it was the last connection.
  ~Session();

  // Starts reading the first request.
  void start() { read_next(); }

  // Called on this session's thread at shutdown: idle connections close now,
  // busy ones after their response, streams after a `retry:` hint.
  void shut_down();

 private:
  void read_next();
  void on_read(boost::beast::error_code ec);
  void dispatch();
  void write(Response resp);
  void on_write(boost::beast::error_code ec);

  // Streaming responses (Server-Sent Events): the header goes out chunked,
  // then whatever the source writes into its channel is sent as it comes,
  // until the client leaves, a write fails or the server shuts down. The
  // connection is not reused afterwards.
  void start_stream(Response resp);
  void open_stream();
  // Sends what the channel holds, one write at a time.
  void flush_stream();
  // Ends the stream when the client leaves.
  void watch_peer();
  void end_stream();
  // Server shutdown: what the source queued, a `retry:` hint and the last
  // chunk go out, then the stream ends, so the client reconnects elsewhere soon.
  void finish_stream();
  void send_farewell();

  void close();
  // Closes after a response sent before its request's body was read (a 413,
  // a malformed request): stops sending, then reads and drops what the peer
  // still sends, for a bounded time and amount, before closing.
  void linger_close();
  void drain_unread();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::beast::http::response<boost::beast::http::string_body> response_;
  // Streaming state (see start_stream).
  boost::beast::http::response<boost::beast::http::empty_body> stream_header_;
  std::optional<boost::beast::http::response_serializer<boost::beast::http::empty_body>>
      serializer_;
  std::shared_ptr<StreamSource> source_;
  std::shared_ptr<StreamChannel> channel_;
  std::string stream_out_;
  std::array<char, 512> peer_bytes_{};
  bool streaming_ = false;
  bool stream_writing_ = false;
  bool stream_ended_ = false;
  bool stream_finishing_ = false;  // finish_stream() was called
  Request request_;
  IoWorker& worker_;
  ServerState& shared_;
  std::string remote_;
  bool busy_ = false;
  bool closing_ = false;
  std::size_t lingered_ = 0;  // bytes dropped by drain_unread
};

}  // namespace deltalabs::http
