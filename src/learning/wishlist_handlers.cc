#include "learning/wishlist_handlers.h"

#include "core/uuid.h"
#include "http/path_param.h"
#include "http/shaped_routes.h"
#include "learning/learning_shapes.h"

namespace deltalabs::learning {

namespace {

using http::Access;
using http::Method;
using http::Request;
using http::Response;

constexpr const char* kTag = "Learning";

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
  http::paged_list(router, cursors,
                   {.path = "/v1/wishlist",
                    .summary = "My wishlist, most recently added first",
                    .tag = kTag,
                    .access = Access::kAuthenticated},
                   wishlist_item_shape(), [&wishlist](Request& req, const PageRequest& page) {
                     return wishlist.list(req.caller(), page);
                   });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/wishlist",
                .summary = "Add a published course to my wishlist; 409 ALREADY_IN_WISHLIST",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .body = http::json_body(wishlist_body()),
                .responses = {201, 404, 409}},
               wishlist_item_shape(), [&wishlist](Request& req) {
                 return wishlist.add(
                     req.caller(),
                     canonical_id(wishlist_body().read<WishlistCourse>(req.json).course_id));
               });

  http::action(router,
               {.method = Method::kPost,
                .path = "/v1/wishlist/:courseId",
                .summary = "Add the course in the path to my wishlist (same as POST /v1/wishlist)",
                .tag = kTag,
                .access = Access::kAuthenticated,
                .responses = {201, 404, 409}},
               wishlist_item_shape(), [&wishlist](Request& req) {
                 return wishlist.add(req.caller(), http::path_param(req, "courseId"));
               });

  http::no_content(router,
                   {.method = Method::kDelete,
                    .path = "/v1/wishlist/:courseId",
                    .summary = "Remove a course from my wishlist",
                    .tag = kTag,
                    .access = Access::kAuthenticated,
                    .responses = {204, 404}},
                   [&wishlist](Request& req) {
                     return wishlist.remove(req.caller(), http::path_param(req, "courseId"));
                   });
}

}  // namespace deltalabs::learning
