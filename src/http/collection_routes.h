#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <functional>
#include <string>

#include "core/cursor_codec.h"
#include "core/page.h"
#include "http/json_shape.h"
#include "http/pagination.h"
#include "http/route.h"
#include "http/router.h"
#include "http/shaped_routes.h"

namespace deltalabs::http {

// The shape shared by every "GET lists a page, POST adds one" collection
// nested under another resource or open to the public (the catalog and
// content domains: categories, levels, instructors, sections, items, ...;
// administered top-level resources use ResourceRoutes instead): the handlers
// parse the page or body, call the service and render, so each collection
// only says what differs.
template <class T>
struct CollectionRoutes {
  std::string path;  // e.g. /v1/course-categories or /v1/courses/:id/sections
  std::string noun;  // e.g. "course category", for summaries
  std::string tag;   // OpenAPI tag
  http::Access list_access = http::Access::kPublic;
  std::string create_permission;
  std::vector<http::QueryParam> filters;
  std::function<Result<Page<T>>(http::Request&, const PageRequest&)> list;
  std::function<Result<T>(http::Request&)> create;
  const JsonShape<T>* shape = nullptr;            // renders and documents every answer
  std::function<std::string(const T&)> location;  // Location of a created item
  BodySchema body;
  std::vector<int> create_responses = {201};
};

// Registers GET and POST on the collection's path.
template <class T>
void register_collection(http::Router& router, const CursorCodec& cursors,
                         CollectionRoutes<T> spec) {
  const JsonShape<T>& shape = *spec.shape;
  paged_list(router, cursors,
             {.path = spec.path,
              .summary = "List " + spec.noun + " entries",
              .tag = spec.tag,
              .access = spec.list_access,
              .query = std::move(spec.filters),
              .responses = {200, 404}},
             shape, std::move(spec.list));
  create(router,
         {.path = spec.path,
          .summary = "Add a " + spec.noun,
          .tag = spec.tag,
          .access = http::Access::kAuthenticated,
          .permission = spec.create_permission,
          .body = http::json_body(std::move(spec.body)),
          .responses = std::move(spec.create_responses)},
         shape, std::move(spec.create), std::move(spec.location));
}

// The shape shared by every "PATCH changes one, DELETE removes it" member of
// an ordered collection (sections, items): the service decides who may.
template <class T>
struct MemberRoutes {
  std::string path;  // e.g. /v1/sections/:id
  std::string tag;
  std::string permission;  // documented; checked by the service
  std::string update_summary;
  std::string remove_summary;
  std::function<Result<T>(http::Request&)> update;
  std::function<Status(http::Request&)> remove;
  const JsonShape<T>* shape = nullptr;
  BodySchema body;
};

// Registers PATCH and DELETE on the member's path.
template <class T>
void register_member(http::Router& router, MemberRoutes<T> spec) {
  action(router,
         {.method = http::Method::kPatch,
          .path = spec.path,
          .summary = spec.update_summary,
          .tag = spec.tag,
          .access = http::Access::kAuthenticated,
          .permission = spec.permission,
          .body = http::json_body(std::move(spec.body)),
          .responses = {200, 403, 404}},
         *spec.shape, std::move(spec.update));
  no_content(router,
             {.method = http::Method::kDelete,
              .path = spec.path,
              .summary = spec.remove_summary,
              .tag = spec.tag,
              .access = http::Access::kAuthenticated,
              .permission = spec.permission,
              .responses = {204, 403, 404}},
             std::move(spec.remove));
}

}  // namespace deltalabs::http
