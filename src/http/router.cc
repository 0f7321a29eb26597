#include "http/router.h"

#include <stdexcept>

namespace deltalabs::http {

namespace {

// Splits "/a/b/" into segments; an empty path component counts as a segment
// so "/v1//users" never matches "/v1/users".
template <class F>
void for_each_segment(std::string_view path, F&& f) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    if (!f(path.substr(0, slash))) return;
    if (slash == std::string_view::npos) return;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

void Router::add(Route route) {
  std::size_t node = 0;
  if (route.path != "/") {
    for_each_segment(route.path, [&](std::string_view seg) {
      if (!seg.empty() && seg.front() == ':') {
        if (nodes_[node].param_child == 0) {
          nodes_.emplace_back();
          nodes_[node].param_child = nodes_.size() - 1;
          nodes_[node].param_name = std::string(seg.substr(1));
        } else if (nodes_[node].param_name != seg.substr(1)) {
          throw std::logic_error("conflicting parameter names at " + route.path);
        }
        node = nodes_[node].param_child;
      } else {
        auto it = nodes_[node].children.find(std::string(seg));
        if (it == nodes_[node].children.end()) {
          nodes_.emplace_back();
          it = nodes_[node].children.emplace(std::string(seg), nodes_.size() - 1).first;
        }
        node = it->second;
      }
      return true;
    });
  }
  for (const auto& [m, r] : nodes_[node].handlers) {
    if (m == route.method) throw std::logic_error("duplicate route " + route.path);
  }
  routes_.push_back(std::move(route));
  nodes_[node].handlers.emplace_back(routes_.back().method, &routes_.back());
}

std::size_t Router::find_node(std::string_view path, RouteMatch* match) const {
  std::size_t node = 0;
  bool found = true;
  if (path == "/") return 0;
  for_each_segment(path, [&](std::string_view seg) {
    const Node& n = nodes_[node];
    if (auto it = n.children.find(seg); it != n.children.end()) {
      node = it->second;
    } else if (n.param_child != 0 && !seg.empty()) {
      match->params.emplace_back(n.param_name, seg);
      node = n.param_child;
    } else {
      found = false;
    }
    return found;
  });
  return found ? node : SIZE_MAX;
}

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch m;
  const std::size_t node = find_node(path, &m);
  if (node == SIZE_MAX || nodes_[node].handlers.empty()) {
    m.params.clear();
    return m;
  }
  m.path_known = true;
  for (const auto& [verb, route] : nodes_[node].handlers) {
    if (verb == method || (method == Method::kHead && verb == Method::kGet && m.route == nullptr)) {
      m.route = route;
      if (verb == method) break;
    }
  }
  if (m.route == nullptr) {
    for (const auto& [verb, route] : nodes_[node].handlers) m.allowed.push_back(verb);
    m.params.clear();
  }
  return m;
}

}  // namespace deltalabs::http
