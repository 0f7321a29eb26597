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
  auto shared = std::make_shared<CollectionRoutes<T>>(std::move(spec));
  router.add({.method = http::Method::kGet,
              .path = shared->path,
              .handler = [shared, &cursors](http::Request& req) -> Result<http::Response> {
                DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
                DL_ASSIGN_OR_RETURN(Page<T> result, shared->list(req, page));
                return http::page_response(result, *shared->shape, cursors);
              },
              .summary = "List " + shared->noun + " entries",
              .tag = shared->tag,
              .access = shared->list_access,
              .query = http::page_query(shared->filters),
              .responses = {200, 404},
              .returns = schema::page_of(*shared->shape)});
  router.add({.method = http::Method::kPost,
              .path = shared->path,
              .handler = [shared](http::Request& req) -> Result<http::Response> {
                DL_ASSIGN_OR_RETURN(T created, shared->create(req));
                return http::Response::json(201, shared->shape->render(created))
                    .header("Location", shared->location(created));
              },
              .summary = "Add a " + shared->noun,
              .tag = shared->tag,
              .access = http::Access::kAuthenticated,
              .permission = shared->create_permission,
              .body = http::json_body(shared->body),
              .responses = shared->create_responses,
              .returns = schema::ref(*shared->shape)});
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
  auto shared = std::make_shared<MemberRoutes<T>>(std::move(spec));
  router.add({.method = http::Method::kPatch,
              .path = shared->path,
              .handler = [shared](http::Request& req) -> Result<http::Response> {
                DL_ASSIGN_OR_RETURN(T changed, shared->update(req));
                return http::Response::json(200, shared->shape->render(changed));
              },
              .summary = shared->update_summary,
              .tag = shared->tag,
              .access = http::Access::kAuthenticated,
              .permission = shared->permission,
              .body = http::json_body(shared->body),
              .responses = {200, 403, 404},
              .returns = schema::ref(*shared->shape)});
  router.add({.method = http::Method::kDelete,
              .path = shared->path,
              .handler = [shared](http::Request& req) -> Result<http::Response> {
                DL_TRY(shared->remove(req));
                return http::Response::no_content();
              },
              .summary = shared->remove_summary,
              .tag = shared->tag,
              .access = http::Access::kAuthenticated,
              .permission = shared->permission,
              .responses = {204, 403, 404}});
}

}  // namespace deltalabs::http
