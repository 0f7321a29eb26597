#include "learning/announcement_handlers.h"

#include "http/path_param.h"
#include "http/shaped_routes.h"
#include "learning/learning_shapes.h"

namespace deltalabs::learning {

namespace {

const BodySchema& announcement_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&AnnouncementInput::title),
      field::string("body", 10000).length(1, 10000).required().into(&AnnouncementInput::body)};
  return schema;
}

}  // namespace

void register_announcement_routes(http::Router& router, AnnouncementService& announcements,
                                  const CursorCodec& cursors) {
  http::paged_list(router, cursors,
                   {.path = "/v1/courses/:id/announcements",
                    .summary = "The course's announcements, newest first (course members only)",
                    .tag = "Learning",
                    .access = http::Access::kAuthenticated,
                    .responses = {200, 403, 404}},
                   announcement_shape(),
                   [&announcements](http::Request& req, const PageRequest& page) {
                     return announcements.list(req.caller(), http::path_param(req), page);
                   });

  http::create(
      router,
      {.path = "/v1/courses/:id/announcements",
       .summary = "Post an announcement to the course; each enrolled member is notified (the "
                  "course's instructors and editors only)",
       .tag = "Learning",
       .access = http::Access::kAuthenticated,
       .body = http::json_body(announcement_body()),
       .responses = {201, 403, 404}},
      announcement_shape(),
      [&announcements](http::Request& req) {
        return announcements.post(req.caller(), http::path_param(req),
                                  announcement_body().read<AnnouncementInput>(req.json));
      },
      [](const Announcement& a) { return "/v1/announcements/" + a.id; });

  http::get_one(router,
                {.path = "/v1/announcements/:id",
                 .summary = "One announcement (members of its course only)",
                 .tag = "Learning",
                 .access = http::Access::kAuthenticated,
                 .responses = {200, 404}},
                announcement_shape(), [&announcements](http::Request& req) {
                  return announcements.get(req.caller(), http::path_param(req));
                });
}

}  // namespace deltalabs::learning
