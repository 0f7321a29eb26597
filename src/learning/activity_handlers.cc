#include "learning/activity_handlers.h"

#include "http/route_group.h"
#include "learning/learning_shapes.h"

namespace deltalabs::learning {

void register_activity_routes(http::Router& router, ActivityService& activity,
                              const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Learning");
  g.list({.path = "/v1/activity",
          .summary = "My recent activity, newest first",
          .query = {{"course_id", "string", "only events of this course"}}},
         activity_shape(), [&activity](http::Request& req, const PageRequest& page) {
           return activity.list(req.caller(), req.query("course_id"), page);
         });
}

}  // namespace deltalabs::learning
