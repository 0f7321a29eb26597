#include "learning/wishlist_handlers.h"

#include "core/uuid.h"
#include "http/json_fields.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "learning/learning_json.h"

namespace deltalabs::learning {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Learning";

Result<Response> added(WishlistService& wishlist, const Request& req,
                       const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(WishlistItem item, wishlist.add(req.caller(), course_id));
  return Response::json(201, wishlist_item_shape().render(item));
}

}  // namespace

void register_wishlist_routes(http::Router& router, WishlistService& wishlist,
                              const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/wishlist",
              .handler = [&wishlist, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto result, wishlist.list(req.caller(), page));
                return http::page_response(result, wishlist_item_shape(), cursors);
              },
              .summary = "My wishlist, most recently added first",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query(),
              .returns = http::schema::page_of(wishlist_item_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/wishlist",
              .handler =
                  [&wishlist](Request& req) {
                    return added(
                        wishlist, req,
                        canonical_id(http::required_string(req.json.as_object(), "course_id")));
                  },
              .summary = "Add a published course to my wishlist; 409 ALREADY_IN_WISHLIST",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .body = http::json_body(BodySchema{field::uuid("course_id").required()}),
              .responses = {201, 404, 409},
              .returns = http::schema::ref(wishlist_item_shape())});

  router.add({.method = Method::kPost,
              .path = "/v1/wishlist/:courseId",
              .handler =
                  [&wishlist](Request& req) {
                    return added(wishlist, req, http::path_param(req, "courseId"));
                  },
              .summary = "Add the course in the path to my wishlist (same as POST /v1/wishlist)",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {201, 404, 409},
              .returns = http::schema::ref(wishlist_item_shape())});

  router.add({.method = Method::kDelete,
              .path = "/v1/wishlist/:courseId",
              .handler = [&wishlist](Request& req) -> Result<Response> {
                DL_TRY(wishlist.remove(req.caller(), http::path_param(req, "courseId")));
                return Response::no_content();
              },
              .summary = "Remove a course from my wishlist",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .responses = {204, 404}});
}

void register_activity_routes(http::Router& router, ActivityService& activity,
                              const CursorCodec& cursors) {
  router.add({.method = Method::kGet,
              .path = "/v1/activity",
              .handler = [&activity, &cursors](Request& req) -> Result<Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(auto events,
                                    activity.list(req.caller(), req.query("course_id"), page));
                return http::page_response(events, activity_shape(), cursors);
              },
              .summary = "My recent activity, newest first",
              .tag = kTag,
              .access = Access::kAuthenticated,
              .query = http::page_query({{"course_id", "string", "only events of this course"}}),
              .returns = http::schema::page_of(activity_shape())});
}

}  // namespace deltalabs::learning
