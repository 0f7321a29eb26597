#include "engagement/notification_handlers.h"

#include "engagement/engagement_shapes.h"
#include "http/route_group.h"

namespace deltalabs::engagement {

namespace {

// Where a reconnecting client left off: the Last-Event-ID header an
// EventSource sends, or ?last_event_id= for clients that cannot set headers.
std::optional<std::string> last_event_id(const http::Request& req) {
  const std::string_view header = req.header("Last-Event-ID");
  if (!header.empty()) return std::string(header);
  auto query = req.query("last_event_id");
  if (query && query->empty()) return std::nullopt;
  return query;
}

// What the stream's 200 carries, for the OpenAPI document.
http::Schema event_stream_schema() {
  http::Schema s = http::schema::string();
  s.json["description"] =
      "Server-Sent Events, one per new notification: `id:` the notification id, `event:` its "
      "kind, `data:` the Notification as JSON; comment lines (`: heartbeat`) keep it alive.";
  s.refs.push_back(&notification_shape());
  return s;
}

}  // namespace

void register_notification_routes(http::Router& router, NotificationService& notifications,
                                  NotificationHub& hub, const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Engagement");
  g.list({.path = "/v1/notifications",
          .summary = "My notifications: unread first, newest first within each"},
         notification_shape(), http::call(notifications, &NotificationService::list));

  g.post({.path = "/v1/notifications/:id/read",
          .summary = "Mark one of my notifications read (again: unchanged)",
          .responses = {200, 404}},
         notification_shape(),
         http::call(notifications, &NotificationService::mark_read, http::id));

  g.add({.method = http::Method::kGet,
         .path = "/v1/notifications/stream",
         .handler = [&notifications, &hub](http::Request& req) -> Result<http::Response> {
           const Actor actor = req.caller();
           DL_ASSIGN_OR_RETURN(std::string start,
                               notifications.stream_start(actor, last_event_id(req)));
           return http::Response::streaming("text/event-stream", hub.stream(actor.user_id, start));
         },
         .summary = "Server-Sent Events of my new notifications; Last-Event-ID (or "
                    "?last_event_id=) resumes after that notification",
         .query = {{"last_event_id", "string", "resume after this notification id"}},
         .responses = {200, 400},
         .returns = event_stream_schema(),
         .produces = "text/event-stream"});
}

}  // namespace deltalabs::engagement
