#include "ai/tools/tools.h"
#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

namespace {

catalog::CourseSort sort_of(const std::optional<std::string>& name) {
  if (name == "popular") return catalog::CourseSort::kPopular;
  if (name == "price") return catalog::CourseSort::kPrice;
  return catalog::CourseSort::kNewest;
}

}  // namespace

Tool list_courses_tool(ToolServices& services) {
  return {"list_courses",
          "List published courses of the public catalog, newest first unless sorted otherwise.",
          BodySchema{field::integer("limit").range(1, 20).describe("How many courses (default 10)"),
                     field::string("sort", 16)
                         .one_of({"newest", "popular", "price"})
                         .describe("Order of the list (default newest)"),
                     field::string("category", 100).describe("Category slug or id"),
                     field::string("level", 100).describe("Level slug or id")},
          [&services](const Actor&, const boost::json::object& args) -> ToolResult {
            catalog::CourseQuery query;
            query.sort = sort_of(http::optional_string(args, "sort"));
            query.category = http::optional_string(args, "category");
            query.level = http::optional_string(args, "level");
            PageRequest page{static_cast<int>(http::optional_int(args, "limit").value_or(10)), ""};
            DL_ASSIGN_OR_RETURN(Page<catalog::Course> found, services.courses.list(query, page));
            return tool_data({{"courses", catalog::course_shape().render_all(found.items)},
                              {"more", found.next.has_value()}});
          }};
}

}  // namespace deltalabs::ai
