#include "learning/wishlist_handlers.h"

#include "core/uuid.h"
#include "http/route_group.h"
#include "learning/learning_shapes.h"

namespace deltalabs::learning {

namespace {

// What POST /v1/wishlist reads.
struct WishlistCourse {
  std::string course_id;
};

const BodySchema& wishlist_body() {
  static const BodySchema schema{
      field::uuid("course_id").required().into(&WishlistCourse::course_id)};
  return schema;
}

}  // namespace

void register_wishlist_routes(http::Router& router, WishlistService& wishlist,
                              const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Learning");
  g.list({.path = "/v1/wishlist", .summary = "My wishlist, most recently added first"},
         wishlist_item_shape(), http::call(wishlist, &WishlistService::list));

  g.post({.path = "/v1/wishlist",
          .summary = "Add a published course to my wishlist; 409 ALREADY_IN_WISHLIST",
          .body = http::json_body(wishlist_body()),
          .responses = {201, 404, 409}},
         wishlist_item_shape(), [&wishlist](http::Request& req) {
           return wishlist.add(req.caller(),
                               canonical_id(http::body_as<WishlistCourse>(req).course_id));
         });

  g.post({.path = "/v1/wishlist/:courseId",
          .summary = "Add the course in the path to my wishlist (same as POST /v1/wishlist)",
          .responses = {201, 404, 409}},
         wishlist_item_shape(),
         http::call(wishlist, &WishlistService::add, http::PathParam{"courseId"}));

  g.del({.path = "/v1/wishlist/:courseId",
         .summary = "Remove a course from my wishlist",
         .responses = {204, 404}},
        http::call(wishlist, &WishlistService::remove, http::PathParam{"courseId"}));
}

}  // namespace deltalabs::learning
