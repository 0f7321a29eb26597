#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "http/request.h"
#include "http/route.h"

namespace deltalabs::http {

// A handler's call of one service member bound once: `call(svc, &Svc::m,
// id, body_as<Input>)` calls `svc.m(req.caller(), <:id>, <the body as
// Input>)`, and, in a paged list, the PageRequest after them. Each argument
// source is a callable taking the Request; those below cover the common ones
// and any lambda `(const Request&) -> value` serves for the rest.

// A path parameter by name, as an owned string ("" when absent).
struct PathParam {
  std::string_view name;
  std::string operator()(const Request& req) const { return std::string(req.param(name)); }
};

// The ":id" path parameter most routes take.
inline constexpr PathParam id{"id"};

// The route's validated body read into T by the route's own `body` schema
// (whose fields bind T's members), so the schema is named once.
template <class T>
struct BodyAs {
  T operator()(const Request& req) const { return req.route->body->template read<T>(req.json); }
};
// The body as T, as an argument source: `http::body_as<CourseInput>`.
template <class T>
inline constexpr BodyAs<T> body_as{};

// One member of the body read into T (`body_field(&TextInput::body)`), or
// what a const member function makes of it (`body_field(&CourseBody::input)`).
template <class T, class M>
auto body_field(M T::*member) {
  return [member](const Request& req) { return std::invoke(member, BodyAs<T>{}(req)); };
}

// The bound call; converts to the OneFn and PageFn of shaped_routes.h.
template <class Service, class Fn, class... Sources>
auto call(Service& service, Fn fn, Sources... sources) {
  return [&service, fn, sources...](Request& req, const auto&... page) {
    return std::invoke(fn, service, req.caller(), sources(req)..., page...);
  };
}

}  // namespace deltalabs::http
