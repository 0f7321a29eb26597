#include "learning/activity_handlers.h"

#include "http/shaped_routes.h"
#include "learning/learning_shapes.h"

namespace deltalabs::learning {

void register_activity_routes(http::Router& router, ActivityService& activity,
                              const CursorCodec& cursors) {
  http::paged_list(router, cursors,
                   {.path = "/v1/activity",
                    .summary = "My recent activity, newest first",
                    .tag = "Learning",
                    .access = http::Access::kAuthenticated,
                    .query = {{"course_id", "string", "only events of this course"}}},
                   activity_shape(), [&activity](http::Request& req, const PageRequest& page) {
                     return activity.list(req.caller(), req.query("course_id"), page);
                   });
}

}  // namespace deltalabs::learning
