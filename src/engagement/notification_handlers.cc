#include "engagement/notification_handlers.h"

#include "engagement/engagement_shapes.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"

namespace deltalabs::engagement {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Engagement";

// Where a reconnecting client left off: the Last-Event-ID header an
// EventSource sends, or ?last_event_id= for clients that cannot set headers.
std::optional<std::string> last_event_id(const Request& req) {
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
  http::paged_list(router, cursors,
                   {.path = "/v1/notifications",
                    .summary = "My notifications: unread first, newest first within each",
                    .tag = kTag,
                    .access = Access::kAuthenticated},
                   notification_shape(), [&notifications](Request& req, const PageRequest& page) {
                     return notifications.list(req.caller(), page);
                   });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/notifications/:id/read",
                .summary = "Mark one of my notifications read (again: unchanged)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .responses = {200, 404}},
               notification_shape(), [&notifications](Request& req) {
                 return notifications.mark_read(req.caller(), http::path_param(req));
               });

  router.add({.method = Method::kGet,
              .path = "/v1/notifications/stream",
              .handler = [&notifications, &hub](Request& req) -> Result<Response> {
                const Actor actor = req.caller();
                DL_ASSIGN_OR_RETURN(std::string start,
                                    notifications.stream_start(actor, last_event_id(req)));
                return Response::streaming("text/event-stream", hub.stream(actor.user_id, start));
              },
              .summary = "Server-Sent Events of my new notifications; Last-Event-ID (or "
                         "?last_event_id=) resumes after that notification",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = {{"last_event_id", "string", "resume after this notification id"}},
              .responses = {200, 400},
              .returns = event_stream_schema(),
              .produces = "text/event-stream"});
}

}  // namespace deltalabs::engagement
