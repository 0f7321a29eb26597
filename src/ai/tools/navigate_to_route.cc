#include <array>
#include <string_view>

#include "ai/tools/tools.h"
#include "core/uuid.h"
#include "http/json_fields.h"

namespace deltalabs::ai {

namespace {

// The pages of the web app the assistant may send a user to; ":id" is a UUID.
constexpr std::array<std::string_view, 16> kRoutes = {"/",
                                                      "/courses",
                                                      "/courses/:id",
                                                      "/courses/:id/grades",
                                                      "/courses/:id/questions",
                                                      "/enrollments",
                                                      "/wishlist",
                                                      "/cart",
                                                      "/orders",
                                                      "/labs",
                                                      "/labs/:id",
                                                      "/bookings",
                                                      "/notifications",
                                                      "/activity",
                                                      "/profile",
                                                      "/assistant"};

// Splits "/a/b" into its segments.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    path.remove_prefix(1);
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return out;
}

bool matches(std::string_view pattern, std::string_view path) {
  if (pattern == "/" || path == "/") return pattern == path;
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == ":id" ? !is_uuid(got[i]) : want[i] != got[i]) return false;
  }
  return true;
}

}  // namespace

// Changes nothing on the server: it checks that the path is a page of the web
// app and hands it back, and the chat answer carries it as `navigate`.
Tool navigate_to_route_tool(ToolServices&) {
  std::string listed;
  for (auto r : kRoutes) listed += (listed.empty() ? "" : ", ") + std::string(r);
  return {"navigate_to_route",
          "Open a page of the web app for the user. Pages: " + listed + " (:id is a UUID).",
          BodySchema{field::string("route", 300)
                         .length(1, 300)
                         .required()
                         .describe("The page's path, e.g. /enrollments or /courses/<id>")},
          [](const Actor&, const boost::json::object& args) -> ToolResult {
            std::string route = http::required_string(args, "route");
            if (route.size() > 1 && route.back() == '/') route.pop_back();
            for (auto pattern : kRoutes) {
              if (route.front() == '/' && matches(pattern, route))
                return tool_data({{"navigate", route}});
            }
            return Error::bad_request("UNKNOWN_ROUTE", "That is not a page of the web app.");
          }};
}

}  // namespace deltalabs::ai
