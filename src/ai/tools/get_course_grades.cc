#include "ai/tools/tools.h"
#include "assessment/assessment_shapes.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

// As GET /v1/courses/:id/grades: a learner sees their own grade, a grader the
// course's; someone outside the course gets the service's refusal as a tool error.
Tool get_course_grades_tool(ToolServices& services) {
  return {"get_course_grades",
          "The signed-in user's grade items and weighted score in a course (graders: everyone's).",
          BodySchema{field::uuid("course_id").required().describe("The course's id")},
          [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
            PageRequest page{100, ""};
            DL_ASSIGN_OR_RETURN(Page<assessment::CourseGrade> grades,
                                services.grades.course_grades(
                                    actor, http::required_string(args, "course_id"), page));
            return tool_data({{"grades", assessment::course_grade_shape().render_all(grades.items)},
                              {"more", grades.next.has_value()}});
          }};
}

}  // namespace deltalabs::ai
