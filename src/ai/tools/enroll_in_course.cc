#include "ai/tools/tools.h"
#include "http/json_fields.h"
#include "learning/learning_shapes.h"

namespace deltalabs::ai {

// The same use case as POST /v1/enrollments by the caller for themselves:
// a paid course answers the tool error PAYMENT_REQUIRED, a second enrollment
// ALREADY_ENROLLED, a full course COURSE_FULL.
Tool enroll_in_course_tool(ToolServices& services) {
  return {"enroll_in_course",
          "Enroll the signed-in user as a student in a published free course (paid courses need "
          "checkout first).",
          BodySchema{field::uuid("course_id").required().describe("The course's id")},
          [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
            learning::EnrollmentRequest request;
            request.course_id = http::required_string(args, "course_id");
            DL_ASSIGN_OR_RETURN(learning::Enrollment e,
                                services.enrollments.enroll(actor, request));
            return tool_data({{"enrollment", learning::enrollment_shape().render(e)}});
          }};
}

}  // namespace deltalabs::ai
