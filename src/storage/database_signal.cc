#include "storage/database_signal.h"

#include <spdlog/spdlog.h>

#include <memory>

#include "storage/postgres_listener.h"

namespace deltalabs {

namespace {

constexpr const char* kNotify = "SELECT pg_notify($1, $2)";

}  // namespace

DatabaseSignal::DatabaseSignal(Database& db, std::string url, std::string channel, Handler handler)
    : db_(db), url_(std::move(url)), channel_(std::move(channel)), handler_(std::move(handler)) {}

DatabaseSignal::~DatabaseSignal() { stop(); }

void DatabaseSignal::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void DatabaseSignal::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status DatabaseSignal::publish(const std::string& payload) {
  // write(): the signal must come from the primary, where the listeners are.
  DL_ASSIGN_OR_RETURN(auto conn, db_.write());
  DL_TRY(conn->query(kNotify, {channel_, payload}));
  return {};
}

void DatabaseSignal::run() {
  std::unique_ptr<PostgresListener> listener;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    bool retry_later = false;
    if (listener == nullptr) {
      listener = std::make_unique<PostgresListener>(url_, channel_);
      if (listener->open_status().ok()) {
        handler_({}, true);
      } else {
        listener.reset();
        retry_later = true;
      }
    } else if (auto payloads = listener->wait(kWait); !payloads.ok()) {
      spdlog::warn(R"({{"msg":"signal listener lost its connection","channel":"{}"}})", channel_);
      listener.reset();
    } else if (!payloads->empty()) {
      handler_(*payloads, false);
    }
    lock.lock();
    if (retry_later) wake_.wait_for(lock, kReconnectAfter, [this] { return stopping_; });
  }
}

}  // namespace deltalabs
