#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <utility>
#include <vector>

#include "http/json_schema.h"
#include "http/json_shape.h"

namespace deltalabs::http {

// A vector member rendered as an array of `inner`'s shape (documented as an
// array of references to that schema): an order's items, a thread's posts.
template <class T, class M>
ShapeField<T> array_of(std::string name, const JsonShape<M>& inner, std::vector<M> T::*member) {
  return {std::move(name), schema::array(schema::ref(inner)),
          [&inner, member](const T& v) { return boost::json::value(inner.render_all(v.*member)); }};
}

}  // namespace deltalabs::http
