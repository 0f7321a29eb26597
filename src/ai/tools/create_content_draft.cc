#include "ai/ai_shapes.h"
#include "ai/tools/tools.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

// As POST /v1/content-drafts by the caller, marked as written by the
// assistant: only editors of the course may; an instructor promotes it later.
Tool create_content_draft_tool(ToolServices& services) {
  return {"create_content_draft",
          "Write a draft section, summary or course outline for a course the signed-in user "
          "edits; an instructor reviews and promotes it.",
          BodySchema{field::uuid("course_id").required().describe("The course's id"),
                     field::string("kind", 16).one_of({"course", "section", "summary"}).required(),
                     field::string("title", 200).length(1, 200).required(),
                     field::string("body", 100000)},
          [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
            if (services.drafts == nullptr) return Error::internal("drafts are not wired");
            DraftInput input{http::required_string(args, "course_id"),
                             http::required_string(args, "kind"),
                             http::required_string(args, "title"),
                             http::optional_string(args, "body").value_or("")};
            DL_ASSIGN_OR_RETURN(ContentDraft d, services.drafts->create(actor, input, "assistant"));
            return tool_data({{"draft", draft_shape().render(d)}});
          }};
}

}  // namespace deltalabs::ai
