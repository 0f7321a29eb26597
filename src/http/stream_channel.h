#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "http/stream.h"

namespace deltalabs::http {

// The StreamSink the server hands a streaming response's source: chunks
// queue here from any thread, and the first chunk after a take() calls
// `wake`, which schedules the connection to take() and send them on its own
// thread. After close() writes are refused, so a source learns the client is gone.
class StreamChannel final : public StreamSink {
 public:
  explicit StreamChannel(std::function<void()> wake) : wake_(std::move(wake)) {}

  // Queues `chunk`; false once closed.
  bool write(std::string chunk) override;
  // Everything queued since the last take ("" when nothing); re-arms the wake.
  std::string take();
  // Refuses every later write and drops what is queued.
  void close();

 private:
  std::mutex mutex_;
  std::string pending_;
  bool scheduled_ = false;
  bool closed_ = false;
  std::function<void()> wake_;
};

}  // namespace deltalabs::http
