#pragma once

#include <memory>
#include <string>

namespace deltalabs::http {

// The server's end of one streaming response (Server-Sent Events, say):
// what a StreamSource writes the body into. Thread-safe; producers write from
// any thread and the server sends on the connection's own thread.
class StreamSink {
 public:
  virtual ~StreamSink() = default;

  // Queues `chunk` for the client; false once the connection has ended, after
  // which the producer should stop writing.
  virtual bool write(std::string chunk) = 0;
};

// The producer of a streaming response. The server opens it once the
// response headers are on the wire and closes it when the connection ends
// (the client left, or the server is shutting down). Neither call may block:
// both run on the server's I/O threads.
class StreamSource {
 public:
  virtual ~StreamSource() = default;

  // Starts producing into `sink`.
  virtual void open(std::shared_ptr<StreamSink> sink) = 0;
  // Stops producing; safe to call whether or not open() was called.
  virtual void close() = 0;
};

}  // namespace deltalabs::http
