#pragma once

#include <boost/json/object.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/cursor_codec.h"
#include "core/page.h"
#include "http/json_shape.h"
#include "http/pagination.h"
#include "http/route.h"
#include "http/router.h"
#include "http/shaped_routes.h"

namespace deltalabs::http {

// The shape every administered resource shares (roles, permissions,
// organization types, organizations): GET lists a page and POST creates at
// `path`; GET reads, PATCH changes and DELETE removes at `member_path`. Each
// operation names its permission slug `<resource>:<list|create|read|update|
// delete>`, which the service checks; handlers only parse, call and render,
// so a resource states only what differs. An operation left empty is not
// registered.
template <class T>
struct ResourceRoutes {
  std::string path;         // e.g. /v1/roles
  std::string member_path;  // e.g. /v1/roles/:id
  std::string resource;     // permission prefix, e.g. roles
  std::string tag;
  std::vector<QueryParam> filters;  // of the list
  std::function<Result<Page<T>>(Request&, const PageRequest&)> list;
  std::function<Result<T>(Request&)> create;
  std::function<Result<T>(Request&)> get;
  std::function<Result<T>(Request&)> update;
  std::function<Status(Request&)> remove;
  const JsonShape<T>* shape = nullptr;         // renders and documents every answer
  std::function<std::string(const T&)> id_of;  // empty: T::id
  BodySchema create_body;
  BodySchema update_body;
  std::string list_summary;
  std::string create_summary;
  std::string get_summary;
  std::string update_summary;
  std::string remove_summary;
  std::vector<int> create_responses = {201, 409};
  std::vector<int> update_responses = {200, 404};
  std::vector<int> remove_responses = {204, 404};
};

// Registers the operations `spec` defines.
template <class T>
void register_resource(Router& router, const CursorCodec& cursors, ResourceRoutes<T> spec) {
  const JsonShape<T>& shape = *spec.shape;
  auto route = [&spec](Method method, const std::string& path, const char* action,
                       std::string summary, std::vector<int> responses) {
    return Route{.method = method,
                 .path = path,
                 .summary = std::move(summary),
                 .tag = spec.tag,
                 .access = Access::kAuthenticated,
                 .permission = spec.resource + ":" + action,
                 .responses = std::move(responses)};
  };
  if (spec.list) {
    Route r = route(Method::kGet, spec.path, "list", spec.list_summary, {200});
    r.query = std::move(spec.filters);
    paged_list(router, cursors, std::move(r), shape, std::move(spec.list));
  }
  if (spec.create) {
    Route r = route(Method::kPost, spec.path, "create", spec.create_summary, spec.create_responses);
    r.body = json_body(std::move(spec.create_body));
    create(router, std::move(r), shape, std::move(spec.create),
           [path = spec.path, id_of = std::move(spec.id_of)](const T& created) {
             return path + "/" + (id_of ? id_of(created) : created.id);
           });
  }
  if (spec.get) {
    get_one(router, route(Method::kGet, spec.member_path, "read", spec.get_summary, {200, 404}),
            shape, std::move(spec.get));
  }
  if (spec.update) {
    Route r = route(Method::kPatch, spec.member_path, "update", spec.update_summary,
                    spec.update_responses);
    r.body = json_body(std::move(spec.update_body));
    action(router, std::move(r), shape, std::move(spec.update));
  }
  if (spec.remove) {
    Route r = route(Method::kDelete, spec.member_path, "delete", spec.remove_summary,
                    spec.remove_responses);
    r.returns = schema::ref(shape);
    no_content(router, std::move(r), std::move(spec.remove));
  }
}

}  // namespace deltalabs::http
