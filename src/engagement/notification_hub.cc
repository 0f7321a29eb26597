#include "engagement/notification_hub.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_set>

#include "engagement/engagement_shapes.h"
#include "engagement/notification_repository.h"

namespace deltalabs::engagement {

namespace {

// Rows read per query while catching a stream up.
constexpr int kBatch = 100;
// Sent first: how long a disconnected EventSource waits before reconnecting,
// and a comment so the client sees the stream is open.
constexpr const char* kPreamble = "retry: 2000\n: connected\n\n";
constexpr const char* kHeartbeat = ": heartbeat\n\n";
// How late a notification may commit after one with a later id and still be
// sent: ids are made before commit, so on PostgreSQL two transactions may
// commit out of id order. Each turn re-reads this far back and skips what
// the stream already sent.
constexpr std::chrono::seconds kReorderWindow{2};

// The smallest UUIDv7 text of the millisecond `t`: every id made at or
// after `t` sorts after it.
std::string first_id_at(std::chrono::system_clock::time_point t) {
  const auto ms = static_cast<unsigned long long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
  char out[37];
  std::snprintf(out, sizeof out, "%08llx-%04llx-0000-0000-000000000000", (ms >> 16) & 0xffffffffULL,
                ms & 0xffffULL);
  return out;
}

}  // namespace

// One open stream: its user, how far it got, where it writes. The cursor,
// sent ids and heartbeat time are touched by the hub's thread only; `dirty`
// under the hub's mutex; `sink` is set before the stream joins the hub.
class NotificationHub::Stream final : public http::StreamSource,
                                      public std::enable_shared_from_this<Stream> {
 public:
  Stream(NotificationHub& hub, std::string user, std::string after)
      : user_id(std::move(user)), start_after(after), cursor(std::move(after)), hub_(hub) {}

  void open(std::shared_ptr<http::StreamSink> s) override {
    s->write(kPreamble);
    sink = std::move(s);
    hub_.join(shared_from_this());
  }
  void close() override { hub_.leave(this); }

  const std::string user_id;
  const std::string start_after;  // where the client started: nothing at or before it is sent
  std::string cursor;             // the newest id sent
  std::set<std::string> sent;     // ids sent within the reorder window
  std::shared_ptr<http::StreamSink> sink;
  bool dirty = true;  // catch up at the next turn (set on open and on wake)
  std::chrono::steady_clock::time_point next_heartbeat;

 private:
  NotificationHub& hub_;
};

NotificationHub::NotificationHub(Database& db, std::unique_ptr<NotificationWake> wake,
                                 HubOptions options)
    : db_(db), wake_(std::move(wake)), options_(options) {}

NotificationHub::~NotificationHub() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<http::StreamSource> NotificationHub::stream(const std::string& user_id,
                                                            const std::string& cursor) {
  return std::make_shared<Stream>(*this, user_id, cursor);
}

void NotificationHub::join(const std::shared_ptr<Stream>& stream) {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  stream->next_heartbeat = std::chrono::steady_clock::now() + options_.heartbeat;
  streams_[stream->user_id].push_back(stream);
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

void NotificationHub::leave(const Stream* stream) {
  std::lock_guard lock(mutex_);
  auto it = streams_.find(stream->user_id);
  if (it == streams_.end()) return;
  auto& list = it->second;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [stream](const auto& s) { return s.get() == stream; }),
             list.end());
  if (list.empty()) streams_.erase(it);
}

void NotificationHub::run() {
  while (true) {
    const WakeUp wake = wake_->wait(options_.tick);
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::shared_ptr<Stream>> to_deliver;
    std::vector<std::shared_ptr<Stream>> to_beat;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      const std::unordered_set<std::string> woken(wake.users.begin(), wake.users.end());
      for (auto& [user, list] : streams_) {
        for (auto& s : list) {
          if (wake.everyone || woken.count(user) > 0) s->dirty = true;
          if (s->dirty) to_deliver.push_back(s);
          if (now >= s->next_heartbeat) to_beat.push_back(s);
        }
      }
    }
    for (auto& s : to_deliver) {
      if (!deliver(*s)) leave(s.get());
    }
    for (auto& s : to_beat) {
      s->next_heartbeat = now + options_.heartbeat;
      if (!s->sink->write(kHeartbeat)) leave(s.get());
    }
  }
}

bool NotificationHub::deliver(Stream& stream) {
  {
    std::lock_guard lock(mutex_);
    stream.dirty = false;  // a wake after this point makes it dirty again
  }
  const std::string window = first_id_at(std::chrono::system_clock::now() - kReorderWindow);
  // Re-read the window unless the newest id sent is older, never before the start.
  std::string from = std::max(stream.start_after, std::min(stream.cursor, window));
  auto conn = db_.read();
  while (conn.ok()) {
    auto rows = NotificationRepository::after(**conn, stream.user_id, from, kBatch);
    if (!rows.ok()) break;
    for (const Notification& n : *rows) {
      from = n.id;
      if (!stream.sent.insert(n.id).second) continue;
      if (!stream.sink->write(sse_event(n))) return false;
      stream.cursor = std::max(stream.cursor, n.id);
    }
    if (static_cast<int>(rows->size()) < kBatch) {
      stream.sent.erase(stream.sent.begin(), stream.sent.lower_bound(window));
      return true;
    }
  }
  // The database is unreachable: try again at the next turn.
  spdlog::warn(R"({"msg":"notification stream could not read its notifications"})");
  std::lock_guard lock(mutex_);
  stream.dirty = true;
  return true;
}

}  // namespace deltalabs::engagement
