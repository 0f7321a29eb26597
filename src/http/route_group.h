#pragma once

#include <functional>
#include <string>
#include <utility>

#include "core/actor.h"
#include "core/cursor_codec.h"
#include "http/bound_call.h"
#include "http/collection_routes.h"
#include "http/json_shape.h"
#include "http/resource_routes.h"
#include "http/route.h"
#include "http/router.h"
#include "http/shaped_routes.h"

namespace deltalabs::http {

// A domain's routes registered with their defaults given once: the OpenAPI
// tag, the access, and the cursor codec of its paged lists. Each method is
// one of the shapes in shaped_routes.h; the route passed in still writes its
// full path as a literal (so grep finds it), its summary and its responses.
// A route that leaves `tag` empty or `access` at kPublic gets the group's;
// a public route in a group whose default is not public goes through
// `with(Access::kPublic)`. Holds references: the router and the codec must
// outlive the registration (they live in Application).
class RouteGroup {
 public:
  // Routes tagged `tag` and guarded by `access`, registered on `router`.
  RouteGroup(Router& router, std::string tag, Access access = Access::kAuthenticated,
             const CursorCodec* cursors = nullptr)
      : router_(&router), cursors_(cursors), tag_(std::move(tag)), access_(access) {}
  // The same, for a domain with paged lists keyed by `cursors`.
  RouteGroup(Router& router, const CursorCodec& cursors, std::string tag,
             Access access = Access::kAuthenticated)
      : RouteGroup(router, std::move(tag), access, &cursors) {}

  // The same group with another default access.
  RouteGroup with(Access access) const {
    RouteGroup other = *this;
    other.access_ = access;
    return other;
  }

  // GET one resource and render it.
  template <class T>
  void get(Route route, const JsonShape<T>& shape, OneFn<T> fn) const {
    get_one(*router_, fill(std::move(route)), shape, std::move(fn));
  }

  // Any method answering the resource `fn` returns, with the first of
  // `route.responses` as its status.
  template <class T>
  void act(Route route, const JsonShape<T>& shape, OneFn<T> fn) const {
    action(*router_, fill(std::move(route)), shape, std::move(fn));
  }

  // POST answering the resource `fn` returns (act with the method set).
  template <class T>
  void post(Route route, const JsonShape<T>& shape, OneFn<T> fn) const {
    route.method = Method::kPost;
    act(std::move(route), shape, std::move(fn));
  }

  // PUT answering the resource `fn` returns.
  template <class T>
  void put(Route route, const JsonShape<T>& shape, OneFn<T> fn) const {
    route.method = Method::kPut;
    act(std::move(route), shape, std::move(fn));
  }

  // PATCH answering the resource `fn` returns.
  template <class T>
  void patch(Route route, const JsonShape<T>& shape, OneFn<T> fn) const {
    route.method = Method::kPatch;
    act(std::move(route), shape, std::move(fn));
  }

  // GET a page (?limit=&cursor= plus `route.query`); the group must have a codec.
  template <class T>
  void list(Route route, const JsonShape<T>& shape, PageFn<T> fn) const {
    paged_list(*router_, *cursors_, fill(std::move(route)), shape, std::move(fn));
  }

  // POST creating a resource: 201 with it and `Location: location(it)`.
  template <class T>
  void create(Route route, const JsonShape<T>& shape, OneFn<T> fn,
              std::type_identity_t<std::function<std::string(const T&)>> location) const {
    http::create(*router_, fill(std::move(route)), shape, std::move(fn), std::move(location));
  }

  // POST creating a resource whose Location is `prefix` + its id.
  template <class T>
  void create(Route route, const JsonShape<T>& shape, OneFn<T> fn, std::string prefix) const {
    create(std::move(route), shape, std::move(fn),
           [prefix = std::move(prefix)](const T& created) { return prefix + created.id; });
  }

  // Any method answering 204 once `fn` succeeds.
  void none(Route route, std::function<Status(Request&)> fn) const {
    no_content(*router_, fill(std::move(route)), std::move(fn));
  }

  // GET list + POST create on a collection (collection_routes.h), tagged by the group.
  template <class T>
  void collection(CollectionRoutes<T> spec) const {
    if (spec.tag.empty()) spec.tag = tag_;
    register_collection(*router_, *cursors_, std::move(spec));
  }

  // PATCH + DELETE of a collection's member (collection_routes.h), tagged by the group.
  template <class T>
  void member(MemberRoutes<T> spec) const {
    if (spec.tag.empty()) spec.tag = tag_;
    register_member(*router_, std::move(spec));
  }

  // An administered resource's operations (resource_routes.h), tagged by the group.
  template <class T>
  void resource(ResourceRoutes<T> spec) const {
    if (spec.tag.empty()) spec.tag = tag_;
    register_resource(*router_, *cursors_, std::move(spec));
  }

  // DELETE answering 204 once `fn` succeeds.
  void del(Route route, std::function<Status(Request&)> fn) const {
    route.method = Method::kDelete;
    none(std::move(route), std::move(fn));
  }

  // A route with a handler of its own.
  void add(Route route) const { router_->add(fill(std::move(route))); }

  // The route with the group's tag and access where it left them at their defaults.
  Route fill(Route route) const {
    if (route.tag.empty()) route.tag = tag_;
    if (route.access == Access::kPublic) route.access = access_;
    return route;
  }

  // The router, for helpers that register a whole collection.
  Router& router() const { return *router_; }
  // The cursor codec of the group's paged lists (null when it has none).
  const CursorCodec* cursors() const { return cursors_; }

 private:
  Router* router_;
  const CursorCodec* cursors_;
  std::string tag_;
  Access access_;
};

}  // namespace deltalabs::http
