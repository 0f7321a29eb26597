#include "ai/tools/tools.h"
#include "http/json_fields.h"
#include "learning/learning_shapes.h"

namespace deltalabs::ai {

// No user parameter on purpose: the tool reads the caller's own enrollments
// only, as GET /v1/enrollments does; a `user_id` argument is an unknown field.
Tool get_my_enrollments_tool(ToolServices& services) {
  return {"get_my_enrollments",
          "The signed-in user's own enrollments with course title, status and progress percent.",
          BodySchema{field::string("status", 16)
                         .one_of({"active", "completed", "cancelled"})
                         .describe("Only enrollments in this status"),
                     field::integer("limit").range(1, 50).describe("How many (default 20)")},
          [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
            PageRequest page{static_cast<int>(http::optional_int(args, "limit").value_or(20)), ""};
            DL_ASSIGN_OR_RETURN(
                Page<learning::Enrollment> mine,
                services.enrollments.list_mine(actor, http::optional_string(args, "status"), page));
            return tool_data({{"enrollments", learning::enrollment_shape().render_all(mine.items)},
                              {"more", mine.next.has_value()}});
          }};
}

}  // namespace deltalabs::ai
