#include "engagement/community_handlers.h"

#include "engagement/engagement_json.h"
#include "engagement/topic_body.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"

namespace deltalabs::engagement {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Engagement";

BodySchema event_body() {
  return BodySchema{
      field::string("title", 200).length(1, 200).required(),
      field::string("description", 5000),
      field::string("location", 500).describe("a place or a meeting link"),
      field::integer("capacity").range(1, 100000).required().describe("seats for going RSVPs"),
      field::timestamp("starts_at").required(),
      field::timestamp("ends_at").describe("after starts_at")};
}

EventInput event_input(const boost::json::object& body) {
  EventInput in;
  in.title = http::required_string(body, "title");
  in.description = http::optional_string(body, "description").value_or("");
  in.location = http::optional_string(body, "location").value_or("");
  in.capacity = http::optional_int(body, "capacity").value_or(0);
  in.starts_at = http::required_string(body, "starts_at");
  in.ends_at = http::optional_string(body, "ends_at");
  return in;
}

void register_thread_routes(http::Router& router, ThreadService& threads,
                            const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/community/threads",
              .handler = [&threads, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    threads.list(req.caller(), http::path_param(req), page));
                return http::page_response(result, thread_shape(), cursors);
              },
              .summary = "The course's discussion threads, newest first (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(thread_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/community/threads",
              .handler = [&threads](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(DiscussionThread t,
                                    threads.start(req.caller(), http::path_param(req),
                                                  topic_input(req.json.as_object())));
                return Response::json(201, thread_shape().render(t))
                    .header("Location", "/v1/threads/" + t.id);
              },
              .summary = "Start a discussion thread in the course (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(topic_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(thread_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/threads/:id",
              .handler = [&threads](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(DiscussionThread t,
                                    threads.get(req.caller(), http::path_param(req)));
                return Response::json(200, thread_detail_shape().render(t));
              },
              .summary = "A thread with its first 100 posts, oldest first (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 403, 404},
              .returns = http::schema::ref(thread_detail_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/threads/:id/posts",
              .handler = [&threads, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    threads.posts(req.caller(), http::path_param(req), page));
                return http::page_response(result, post_shape(), cursors);
              },
              .summary = "A thread's posts, oldest first (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(post_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/threads/:id/posts",
              .handler = [&threads](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(ThreadPost p, threads.reply(req.caller(), http::path_param(req),
                                                                http::required_string(
                                                                    req.json.as_object(), "body")));
                return Response::json(201, post_shape().render(p));
              },
              .summary = "Reply in a thread (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(text_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(post_shape())});
}

void register_event_routes(http::Router& router, EventService& events, const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/courses/:id/community/events",
              .handler = [&events, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result,
                                    events.list(req.caller(), http::path_param(req), page));
                return http::page_response(result, event_shape(), cursors);
              },
              .summary = "The course's community events, newest first, with seats taken and "
                         "waiting (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .responses = {200, 403, 404},
              .returns = http::schema::page_of(event_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/courses/:id/community/events",
              .handler = [&events](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(CommunityEvent e,
                                    events.create(req.caller(), http::path_param(req),
                                                  event_input(req.json.as_object())));
                return Response::json(201, event_shape().render(e))
                    .header("Location", "/v1/events/" + e.id);
              },
              .summary = "Create a community event with a capacity (the course's teaching staff)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(event_body()),
              .responses = {201, 403, 404},
              .returns = http::schema::ref(event_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/events/:id",
              .handler = [&events](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(CommunityEvent e,
                                    events.get(req.caller(), http::path_param(req)));
                return Response::json(200, event_shape().render(e));
              },
              .summary = "One community event with its counts (course members only)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 403, 404},
              .returns = http::schema::ref(event_shape())});

  router.add({.method = Method::kGet,
              .path = "/v1/events/:id/rsvp",
              .handler = [&events](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(Rsvp r, events.mine(req.caller(), http::path_param(req)));
                return Response::json(200, rsvp_shape().render(r));
              },
              .summary = "My RSVP to an event, with my waitlist position while I wait",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {200, 404},
              .returns = http::schema::ref(rsvp_shape())});

  router.add({.method = Method::kPut,
              .path = "/v1/events/:id/rsvp",
              .handler = [&events](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(
                    Rsvp r, events.rsvp(req.caller(), http::path_param(req),
                                        http::required_string(req.json.as_object(), "status")));
                return Response::json(200, rsvp_shape().render(r));
              },
              .summary = "RSVP going or interested (course members only); going over capacity "
                         "waits at the next waitlist position; giving up a seat promotes the "
                         "first in line",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(BodySchema{
                  field::string("status", 16).one_of({"going", "interested"}).required()}),
              .responses = {200, 403, 404},
              .returns = http::schema::ref(rsvp_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/events/:id/rsvp",
              .handler = [&events](Request& req) -> Result<Response> {
                DL_TRY(events.withdraw(req.caller(), http::path_param(req)));
                return Response::no_content();
              },
              .summary = "Withdraw my RSVP; a freed seat goes to the first in line, who is "
                         "notified",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {204, 404}});
}

}  // namespace

void register_community_routes(http::Router& router, ThreadService& threads, EventService& events,
                               const CursorCodec& cursors) {
  register_thread_routes(router, threads, cursors);
  register_event_routes(router, events, cursors);
}

}  // namespace deltalabs::engagement
