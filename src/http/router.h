#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/string_map.h"
#include "http/route.h"

namespace deltalabs::http {

// The outcome of matching a request line against the routes.
struct RouteMatch {
  const Route* route = nullptr;                                       // set on a match
  std::vector<std::pair<std::string_view, std::string_view>> params;  // views into the path
  bool path_known = false;                                            // some route has this path
  std::vector<Method> allowed;                                        // methods of that path (405)
};

// Maps (method, path) to a route. Static segments win over `:param`
// segments; matching is O(path segments). Routes are added at start-up only.
class Router {
 public:
  // Registers a route; aborts on a duplicate method and path (a programming error).
  void add(Route route);
  // Finds the route for a request.
  RouteMatch match(Method method, std::string_view path) const;
  // Every route, in registration order.
  const std::deque<Route>& routes() const { return routes_; }

 private:
  struct Node {
    StringMap<std::size_t> children;  // static segment -> node index
    std::size_t param_child = 0;      // 0 = none
    std::string param_name;
    std::vector<std::pair<Method, const Route*>> handlers;
  };
  std::size_t find_node(std::string_view path, RouteMatch* match) const;

  std::deque<Route> routes_;
  std::vector<Node> nodes_ = std::vector<Node>(1);
};

}  // namespace deltalabs::http
