#include "engagement/community_handlers.h"

#include "engagement/engagement_shapes.h"
#include "engagement/topic_body.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"

namespace deltalabs::engagement {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Engagement";

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

void register_thread_routes(http::Router& router, ThreadService& threads,
                            const CursorCodec& cursors) {
  http::paged_list(router, cursors,
                   {.path = "/v1/courses/:id/community/threads",
                    .summary = "The course's discussion threads, newest first (course members "
                               "only)",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .responses = {200, 403, 404}},
                   thread_shape(), [&threads](Request& req, const PageRequest& page) {
                     return threads.list(req.caller(), http::path_param(req), page);
                   });

  http::create(
      router,
      {.path = "/v1/courses/:id/community/threads",
       .summary = "Start a discussion thread in the course (course members only)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(topic_body()),
       .responses = {201, 403, 404}},
      thread_shape(),
      [&threads](Request& req) {
        return threads.start(req.caller(), http::path_param(req),
                             topic_body().read<TopicInput>(req.json));
      },
      [](const DiscussionThread& t) { return "/v1/threads/" + t.id; });

  http::get_one(router,
                {.path = "/v1/threads/:id",
                 .summary = "A thread with its first 100 posts, oldest first (course members "
                            "only)",
                 .tag = kTag,
                 .access = Access::kAuthenticated,
                 .responses = {200, 403, 404}},
                thread_detail_shape(), [&threads](Request& req) {
                  return threads.get(req.caller(), http::path_param(req));
                });

  http::paged_list(router, cursors,
                   {.path = "/v1/threads/:id/posts",
                    .summary = "A thread's posts, oldest first (course members only)",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .responses = {200, 403, 404}},
                   post_shape(), [&threads](Request& req, const PageRequest& page) {
                     return threads.posts(req.caller(), http::path_param(req), page);
                   });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/threads/:id/posts",
                .summary = "Reply in a thread (course members only)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(text_body()),
                .responses = {201, 403, 404}},
               post_shape(), [&threads](Request& req) {
                 return threads.reply(req.caller(), http::path_param(req),
                                      text_body().read<TextInput>(req.json).body);
               });
}

void register_event_routes(http::Router& router, EventService& events, const CursorCodec& cursors) {
  http::paged_list(router, cursors,
                   {.path = "/v1/courses/:id/community/events",
                    .summary = "The course's community events, newest first, with seats taken "
                               "and waiting (course members only)",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .responses = {200, 403, 404}},
                   event_shape(), [&events](Request& req, const PageRequest& page) {
                     return events.list(req.caller(), http::path_param(req), page);
                   });

  http::create(
      router,
      {.path = "/v1/courses/:id/community/events",
       .summary = "Create a community event with a capacity (the course's teaching staff)",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .body = http::json_body(event_body()),
       .responses = {201, 403, 404}},
      event_shape(),
      [&events](Request& req) {
        return events.create(req.caller(), http::path_param(req),
                             event_body().read<EventInput>(req.json));
      },
      [](const CommunityEvent& e) { return "/v1/events/" + e.id; });

  http::get_one(router,
                {.path = "/v1/events/:id",
                 .summary = "One community event with its counts (course members only)",
                 .tag = kTag,
                 .access = Access::kAuthenticated,
                 .responses = {200, 403, 404}},
                event_shape(), [&events](Request& req) {
                  return events.get(req.caller(), http::path_param(req));
                });

  http::get_one(router,
                {.path = "/v1/events/:id/rsvp",
                 .summary = "My RSVP to an event, with my waitlist position while I wait",
                 .tag = kTag,
                 .access = Access::kAuthenticated,
                 .responses = {200, 404}},
                rsvp_shape(), [&events](Request& req) {
                  return events.mine(req.caller(), http::path_param(req));
                });

  http::action(router,
               {.method = Method::kPut,
                .path = "/v1/events/:id/rsvp",
                .summary = "RSVP going or interested (course members only); going over "
                           "capacity waits at the next waitlist position; giving up a seat "
                           "promotes the first in line",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(rsvp_body()),
                .responses = {200, 403, 404}},
               rsvp_shape(), [&events](Request& req) {
                 return events.rsvp(req.caller(), http::path_param(req),
                                    rsvp_body().read<RsvpBody>(req.json).status);
               });

  http::no_content(
      router,
      {.method = Method::kDelete,
       .path = "/v1/events/:id/rsvp",
       .summary = "Withdraw my RSVP; a freed seat goes to the first in line, who "
                  "is notified",
       .tag = kTag,
       .access = Access::kAuthenticated,
       .responses = {204, 404}},
      [&events](Request& req) { return events.withdraw(req.caller(), http::path_param(req)); });
}

}  // namespace

void register_community_routes(http::Router& router, ThreadService& threads, EventService& events,
                               const CursorCodec& cursors) {
  register_thread_routes(router, threads, cursors);
  register_event_routes(router, events, cursors);
}

}  // namespace deltalabs::engagement
