#include "engagement/notification_wake.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <thread>

#include "engagement/notification_repository.h"
#include "platform/notification_log.h"

namespace deltalabs::engagement {

std::unique_ptr<NotificationWake> NotificationWake::for_database(Database& db,
                                                                 const std::string& url) {
  if (db.dialect() == Dialect::kPostgres) return std::make_unique<ListenWake>(url);
  return std::make_unique<TablePollWake>(db);
}

WakeUp TablePollWake::wait(std::chrono::milliseconds timeout) {
  std::this_thread::sleep_for(timeout);
  WakeUp wake;
  auto conn = db_.read();
  if (!conn.ok()) return wake;
  if (!started_) {
    auto latest = NotificationRepository::latest(**conn);
    if (!latest.ok()) return wake;
    cursor_ = *latest;
    started_ = true;
    return wake;
  }
  auto fresh = NotificationRepository::recipients_after(**conn, cursor_);
  if (!fresh.ok()) return wake;
  for (auto& [id, user] : *fresh) {
    cursor_ = id;
    wake.users.push_back(std::move(user));
  }
  return wake;
}

WakeUp ListenWake::wait(std::chrono::milliseconds timeout) {
  WakeUp wake;
  if (!listener_) {
    listener_ = std::make_unique<PostgresListener>(url_, kNotificationChannel);
    if (!listener_->open_status().ok()) {
      spdlog::warn(
          R"({{"msg":"notification listener cannot connect","cause":{}}})",
          boost::json::serialize(boost::json::value(listener_->open_status().error().cause)));
      listener_.reset();
      std::this_thread::sleep_for(timeout);
      return wake;
    }
    // Signals sent while nobody listened are lost: every stream looks again.
    wake.everyone = true;
    return wake;
  }
  auto payloads = listener_->wait(timeout);
  if (!payloads.ok()) {
    spdlog::warn(R"({{"msg":"notification listener lost its connection"}})");
    listener_.reset();
    return wake;
  }
  wake.users = std::move(payloads).value();
  return wake;
}

}  // namespace deltalabs::engagement
