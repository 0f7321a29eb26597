#pragma once

#include <functional>
#include <string>
#include <type_traits>
#include <utility>

#include "core/cursor_codec.h"
#include "core/page.h"
#include "http/json_shape.h"
#include "http/pagination.h"
#include "http/route.h"
#include "http/router.h"

namespace deltalabs::http {

// The route shapes that repeat: a handler that calls a service and renders
// what it answers with one JsonShape. Each takes the Route with everything
// but its handler and `returns` (write its full path as a literal so grep
// finds it), fills those two from the shape, and registers it. The answer's
// status is the first of `route.responses`, so the document and the server
// cannot disagree.

// A service call answering one T.
template <class T>
using OneFn = std::type_identity_t<std::function<Result<T>(Request&)>>;
// A service call answering one page of T.
template <class T>
using PageFn = std::type_identity_t<std::function<Result<Page<T>>(Request&, const PageRequest&)>>;

// Any method answering the resource `fn` returns (a GET of one, a PATCH, an
// action on one resource, a POST answering what it changed).
template <class T>
void action(Router& router, Route route, const JsonShape<T>& shape, OneFn<T> fn) {
  const int status = route.responses.front();
  route.handler = [&shape, status, fn = std::move(fn)](Request& req) -> Result<Response> {
    DL_ASSIGN_OR_RETURN(T found, fn(req));
    return Response::json(status, shape.render(found));
  };
  route.returns = schema::ref(shape);
  router.add(std::move(route));
}

// GET one resource and render it.
template <class T>
void get_one(Router& router, Route route, const JsonShape<T>& shape, OneFn<T> fn) {
  route.method = Method::kGet;
  action(router, std::move(route), shape, std::move(fn));
}

// GET a page of resources (?limit=&cursor=, plus the filters in
// `route.query`), rendered in the Page envelope.
template <class T>
void paged_list(Router& router, const CursorCodec& cursors, Route route, const JsonShape<T>& shape,
                PageFn<T> fn) {
  route.method = Method::kGet;
  route.handler = [&shape, &cursors, fn = std::move(fn)](Request& req) -> Result<Response> {
    DL_ASSIGN_OR_RETURN(PageRequest page, read_page_request(req, cursors));
    DL_ASSIGN_OR_RETURN(Page<T> result, fn(req, page));
    return page_response(result, shape, cursors);
  };
  route.query = page_query(std::move(route.query));
  route.returns = schema::page_of(shape);
  router.add(std::move(route));
}

// A POST that creates a resource: 201 with it and `Location: location(it)`.
template <class T>
void create(Router& router, Route route, const JsonShape<T>& shape, OneFn<T> fn,
            std::type_identity_t<std::function<std::string(const T&)>> location) {
  route.method = Method::kPost;
  route.handler = [&shape, fn = std::move(fn),
                   location = std::move(location)](Request& req) -> Result<Response> {
    DL_ASSIGN_OR_RETURN(T created, fn(req));
    return Response::json(201, shape.render(created)).header("Location", location(created));
  };
  route.returns = schema::ref(shape);
  router.add(std::move(route));
}

// Any method answering 204 once `fn` succeeds (a DELETE, an action with
// nothing to show).
inline void no_content(Router& router, Route route, std::function<Status(Request&)> fn) {
  route.handler = [fn = std::move(fn)](Request& req) -> Result<Response> {
    DL_TRY(fn(req));
    return Response::no_content();
  };
  router.add(std::move(route));
}

}  // namespace deltalabs::http
