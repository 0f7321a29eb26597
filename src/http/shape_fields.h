#pragma once

// Shape fields declared densely. A member whose JSON key is the field's own
// name is written by the name once, beside its schema:
//
//   DL_JSON_SHAPE(answer_shape, Answer, "Answer",
//                 {DL_SHAPE_FIELDS(Answer, (id, uuid), (body, string),
//                                  (status, one_of, {"open", "closed"})),
//                  {"added_at", s::timestamp(), &Answer::created_at}})
//
// (id, uuid) is {"id", schema::uuid(), &Answer::id}; a third element and on
// are the schema function's arguments. Any other member (a key that differs
// from the field, a computed value, a nested shape, a schema built from
// others) stays an explicit ShapeField entry, mixable in the same list.

#include <boost/json/value.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/for_each_macro.h"
#include "http/json_schema.h"
#include "http/json_shape.h"

// Defines `const http::JsonShape<T>& function()`: the shape named `name`,
// built once, on first use, from `fields` (a ShapeField list or a function
// returning one).
#define DL_JSON_SHAPE(function, T, name, ...)                              \
  const ::deltalabs::http::JsonShape<T>& function() {                      \
    static const ::deltalabs::http::JsonShape<T> shape(name, __VA_ARGS__); \
    return shape;                                                          \
  }

// ShapeField entries of T whose key is the field's name, in the order given:
// each argument is (field, schema function[, its arguments...]).
#define DL_SHAPE_FIELDS(T, ...) DL_FOR_EACH(DL_SHAPE_FIELD_, T, __VA_ARGS__)

#define DL_SHAPE_FIELD_(T, entry) DL_SHAPE_FIELD_2_(T, DL_UNPARENTHESIZED_ entry)
#define DL_SHAPE_FIELD_2_(...) DL_SHAPE_FIELD_3_(__VA_ARGS__)
#define DL_SHAPE_FIELD_3_(T, name, schema_function, ...) \
  { #name, ::deltalabs::http::schema::schema_function(__VA_ARGS__), &T::name }

namespace deltalabs::http {

// A vector member rendered as an array of `inner`'s shape (documented as an
// array of references to that schema): an order's items, a thread's posts.
template <class T, class M>
ShapeField<T> array_of(std::string name, const JsonShape<M>& inner, std::vector<M> T::*member) {
  return {std::move(name), schema::array(schema::ref(inner)),
          [&inner, member](const T& v) { return boost::json::value(inner.render_all(v.*member)); }};
}

}  // namespace deltalabs::http
