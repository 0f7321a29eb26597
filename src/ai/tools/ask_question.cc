#include "ai/tools/tools.h"
#include "engagement/engagement_shapes.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

// As POST /v1/courses/:id/questions: members of the course only.
Tool ask_question_tool(ToolServices& services) {
  return {"ask_question",
          "Ask a question in a course's Q&A as the signed-in user (course members only).",
          BodySchema{field::uuid("course_id").required().describe("The course's id"),
                     field::string("title", 200).length(1, 200).required(),
                     field::string("body", 10000).length(1, 10000).required()},
          [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
            engagement::TopicInput input{http::required_string(args, "title"),
                                         http::required_string(args, "body")};
            DL_ASSIGN_OR_RETURN(
                engagement::Question q,
                services.questions.ask(actor, http::required_string(args, "course_id"), input));
            return tool_data({{"question", engagement::question_shape().render(q)}});
          }};
}

}  // namespace deltalabs::ai
