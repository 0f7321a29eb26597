#include "ai/tools/tools.h"
#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

Tool search_courses_tool(ToolServices& services) {
  return {
      "search_courses",
      "Search published courses by words of their title and description, best match first.",
      BodySchema{field::string("query", 200).length(1, 200).required().describe("Words to find"),
                 field::integer("limit").range(1, 20).describe("How many courses (default 5)")},
      [&services](const Actor&, const boost::json::object& args) -> ToolResult {
        catalog::CourseQuery query;
        query.q = http::required_string(args, "query");
        query.sort = catalog::CourseSort::kRelevance;
        PageRequest page{static_cast<int>(http::optional_int(args, "limit").value_or(5)), ""};
        DL_ASSIGN_OR_RETURN(Page<catalog::Course> found, services.courses.list(query, page));
        return tool_data({{"courses", catalog::course_shape().render_all(found.items)},
                          {"more", found.next.has_value()}});
      }};
}

}  // namespace deltalabs::ai
