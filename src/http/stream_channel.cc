#include "http/stream_channel.h"

#include <utility>

namespace deltalabs::http {

bool StreamChannel::write(std::string chunk) {
  std::lock_guard lock(mutex_);
  if (closed_) return false;
  pending_ += chunk;
  if (!scheduled_) {
    scheduled_ = true;
    wake_();  // under the lock: close() cannot slip between the check and the wake
  }
  return true;
}

std::string StreamChannel::take() {
  std::lock_guard lock(mutex_);
  scheduled_ = false;
  return std::exchange(pending_, {});
}

void StreamChannel::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  pending_.clear();
}

}  // namespace deltalabs::http
