#include "learning/announcement_handlers.h"

#include "http/route_group.h"
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
  const http::RouteGroup g(router, cursors, "Learning");
  g.list({.path = "/v1/courses/:id/announcements",
          .summary = "The course's announcements, newest first (course members only)",
          .responses = {200, 403, 404}},
         announcement_shape(), http::call(announcements, &AnnouncementService::list, http::id));

  g.create({.path = "/v1/courses/:id/announcements",
            .summary = "Post an announcement to the course; each enrolled member is notified (the "
                       "course's instructors and editors only)",
            .body = http::json_body(announcement_body()),
            .responses = {201, 403, 404}},
           announcement_shape(),
           http::call(announcements, &AnnouncementService::post, http::id,
                      http::body_as<AnnouncementInput>),
           "/v1/announcements/");

  g.get({.path = "/v1/announcements/:id",
         .summary = "One announcement (members of its course only)",
         .responses = {200, 404}},
        announcement_shape(), http::call(announcements, &AnnouncementService::get, http::id));
}

}  // namespace deltalabs::learning
