#include "engagement/community_handlers.h"

#include "engagement/engagement_shapes.h"
#include "engagement/topic_handlers.h"
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
  register_topic_routes(
      g, threads,
      TopicRoutes<ThreadService, DiscussionThread, ThreadPost>{
          .course_path = "/v1/courses/:id/community/threads",
          .location = "/v1/threads/",
          .topic_path = "/v1/threads/:id",
          .reply_path = "/v1/threads/:id/posts",
          .list_summary = "The course's discussion threads, newest first (course members only)",
          .start_summary = "Start a discussion thread in the course (course members only)",
          .get_summary = "A thread with its first 100 posts, oldest first (course members only)",
          .reply_summary = "Reply in a thread (course members only)",
          .replies_summary = "A thread's posts, oldest first (course members only)",
          .shape = &thread_shape(),
          .detail_shape = &thread_detail_shape(),
          .reply_shape = &post_shape(),
          .list = &ThreadService::list,
          .start = &ThreadService::start,
          .get = &ThreadService::get,
          .reply = &ThreadService::reply,
          .replies = &ThreadService::posts});
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
  g.put({.path = "/v1/events/:id/rsvp",
         .summary = "RSVP going or interested (course members only); going over capacity waits at "
                    "the next waitlist position; giving up a seat promotes the first in line",
         .body = http::json_body(rsvp_body()),
         .responses = {200, 403, 404}},
        rsvp_shape(),
        http::call(events, &EventService::rsvp, http::id, http::body_field(&RsvpBody::status)));
  g.del({.path = "/v1/events/:id/rsvp",
         .summary = "Withdraw my RSVP; a freed seat goes to the first in line, who is notified",
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
