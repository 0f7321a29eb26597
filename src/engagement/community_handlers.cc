#include "engagement/community_handlers.h"

#include "engagement/engagement_shapes.h"
#include "engagement/topic_body.h"
#include "http/route_group.h"

namespace deltalabs::engagement {

namespace {

// What PUT /v1/events/:id/rsvp reads.
struct RsvpBody {
  std::string status;
};

const BodySchema& event_body() {
  static const BodySchema schema{
      field::string("title", 200).length(1, 200).required().into(&EventInput::title),
      field::string("description", 5000).into(&EventInput::description),
      field::string("location", 500)
          .describe("a place or a meeting link")
          .into(&EventInput::location),
      field::integer("capacity")
          .range(1, 100000)
          .required()
          .describe("seats for going RSVPs")
          .into(&EventInput::capacity),
      field::timestamp("starts_at").required().into(&EventInput::starts_at),
      field::timestamp("ends_at").describe("after starts_at").into(&EventInput::ends_at)};
  return schema;
}

const BodySchema& rsvp_body() {
  static const BodySchema schema{field::string("status", 16)
                                     .one_of({"going", "interested"})
                                     .required()
                                     .into(&RsvpBody::status)};
  return schema;
}

void register_thread_routes(const http::RouteGroup& g, ThreadService& threads) {
  g.list({.path = "/v1/courses/:id/community/threads",
          .summary = "The course's discussion threads, newest first (course members only)",
          .responses = {200, 403, 404}},
         thread_shape(), http::call(threads, &ThreadService::list, http::id));
  g.create({.path = "/v1/courses/:id/community/threads",
            .summary = "Start a discussion thread in the course (course members only)",
            .body = http::json_body(topic_body()),
            .responses = {201, 403, 404}},
           thread_shape(),
           http::call(threads, &ThreadService::start, http::id, http::body_as<TopicInput>),
           "/v1/threads/");
  g.get({.path = "/v1/threads/:id",
         .summary = "A thread with its first 100 posts, oldest first (course members only)",
         .responses = {200, 403, 404}},
        thread_detail_shape(), http::call(threads, &ThreadService::get, http::id));
  g.list({.path = "/v1/threads/:id/posts",
          .summary = "A thread's posts, oldest first (course members only)",
          .responses = {200, 403, 404}},
         post_shape(), http::call(threads, &ThreadService::posts, http::id));
  g.act({.method = http::Method::kPost,
         .path = "/v1/threads/:id/posts",
         .summary = "Reply in a thread (course members only)",
         .body = http::json_body(text_body()),
         .responses = {201, 403, 404}},
        post_shape(),
        http::call(threads, &ThreadService::reply, http::id, http::body_field(&TextInput::body)));
}

void register_event_routes(const http::RouteGroup& g, EventService& events) {
  g.list({.path = "/v1/courses/:id/community/events",
          .summary = "The course's community events, newest first, with seats taken "
                     "and waiting (course members only)",
          .responses = {200, 403, 404}},
         event_shape(), http::call(events, &EventService::list, http::id));
  g.create({.path = "/v1/courses/:id/community/events",
            .summary = "Create a community event with a capacity (the course's teaching staff)",
            .body = http::json_body(event_body()),
            .responses = {201, 403, 404}},
           event_shape(),
           http::call(events, &EventService::create, http::id, http::body_as<EventInput>),
           "/v1/events/");
  g.get({.path = "/v1/events/:id",
         .summary = "One community event with its counts (course members only)",
         .responses = {200, 403, 404}},
        event_shape(), http::call(events, &EventService::get, http::id));
  g.get({.path = "/v1/events/:id/rsvp",
         .summary = "My RSVP to an event, with my waitlist position while I wait",
         .responses = {200, 404}},
        rsvp_shape(), http::call(events, &EventService::mine, http::id));
  g.act({.method = http::Method::kPut,
         .path = "/v1/events/:id/rsvp",
         .summary = "RSVP going or interested (course members only); going over "
                    "capacity waits at the next waitlist position; giving up a seat "
                    "promotes the first in line",
         .body = http::json_body(rsvp_body()),
         .responses = {200, 403, 404}},
        rsvp_shape(),
        http::call(events, &EventService::rsvp, http::id, http::body_field(&RsvpBody::status)));
  g.none({.method = http::Method::kDelete,
          .path = "/v1/events/:id/rsvp",
          .summary = "Withdraw my RSVP; a freed seat goes to the first in line, who "
                     "is notified",
          .responses = {204, 404}},
         http::call(events, &EventService::withdraw, http::id));
}

}  // namespace

void register_community_routes(http::Router& router, ThreadService& threads, EventService& events,
                               const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Engagement");
  register_thread_routes(g, threads);
  register_event_routes(g, events);
}

}  // namespace deltalabs::engagement
