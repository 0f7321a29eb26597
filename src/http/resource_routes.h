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

namespace deltalabs::http {

// The shape every administered resource shares (roles, permissions,
// organization types, organizations): GET lists a page and POST creates at
// `path`; GET reads, PATCH changes and DELETE removes at `path/:id`. Each
// operation names its permission slug `<resource>:<list|create|read|update|
// delete>`, which the service checks; handlers only parse, call and render,
// so a resource states only what differs. An operation left empty is not
// registered.
template <class T>
struct ResourceRoutes {
  std::string path;      // e.g. /v1/roles
  std::string resource;  // permission prefix, e.g. roles
  std::string tag;
  std::vector<QueryParam> filters;  // of the list
  std::function<Result<Page<T>>(Request&, const PageRequest&)> list;
  std::function<Result<T>(Request&)> create;
  std::function<Result<T>(Request&)> get;
  std::function<Result<T>(Request&)> update;
  std::function<Status(Request&)> remove;
  const JsonShape<T>* shape = nullptr;  // renders and documents every answer
  std::function<std::string(const T&)> id_of;
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
  auto s = std::make_shared<ResourceRoutes<T>>(std::move(spec));
  const std::string member = s->path + "/:id";
  auto route = [&](Method method, const std::string& path, const char* action, Handler handler,
                   const std::string& summary, std::vector<int> responses) {
    return Route{.method = method,
                 .path = path,
                 .handler = std::move(handler),
                 .summary = summary,
                 .tag = s->tag,
                 .access = Access::kAuthenticated,
                 .permission = s->resource + ":" + action,
                 .responses = std::move(responses),
                 .returns = schema::ref(*s->shape)};
  };
  if (s->list) {
    Route r = route(Method::kGet, s->path, "list",
                    [s, &cursors](Request& req) -> Result<Response> {
                      DL_ASSIGN_OR_RETURN(PageRequest page, read_page_request(req, cursors));
                      DL_ASSIGN_OR_RETURN(Page<T> result, s->list(req, page));
                      return page_response(result, *s->shape, cursors);
                    },
                    s->list_summary, {200});
    r.query = page_query(s->filters);
    r.returns = schema::page_of(*s->shape);
    router.add(std::move(r));
  }
  if (s->create) {
    Route r = route(
        Method::kPost, s->path, "create",
        [s](Request& req) -> Result<Response> {
          DL_ASSIGN_OR_RETURN(T created, s->create(req));
          return Response::json(201, s->shape->render(created))
              .header("Location", s->path + "/" + s->id_of(created));
        },
        s->create_summary, s->create_responses);
    r.body = json_body(s->create_body);
    router.add(std::move(r));
  }
  if (s->get) {
    router.add(route(Method::kGet, member, "read",
                     [s](Request& req) -> Result<Response> {
                       DL_ASSIGN_OR_RETURN(T found, s->get(req));
                       return Response::json(200, s->shape->render(found));
                     },
                     s->get_summary, {200, 404}));
  }
  if (s->update) {
    Route r = route(
        Method::kPatch, member, "update",
        [s](Request& req) -> Result<Response> {
          DL_ASSIGN_OR_RETURN(T changed, s->update(req));
          return Response::json(200, s->shape->render(changed));
        },
        s->update_summary, s->update_responses);
    r.body = json_body(s->update_body);
    router.add(std::move(r));
  }
  if (s->remove) {
    router.add(route(
        Method::kDelete, member, "delete",
        [s](Request& req) -> Result<Response> {
          DL_TRY(s->remove(req));
          return Response::no_content();
        },
        s->remove_summary, s->remove_responses));
  }
}

}  // namespace deltalabs::http
