#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "http/json_schema.h"
#include "http/json_text.h"

namespace deltalabs::http {

// Plain values as JSON: the conversions a shape's member fields use.
inline boost::json::value to_json(const std::string& v) { return boost::json::value(v); }
inline boost::json::value to_json(std::int64_t v) { return boost::json::value(v); }
inline boost::json::value to_json(int v) { return boost::json::value(v); }
inline boost::json::value to_json(bool v) { return boost::json::value(v); }
inline boost::json::value to_json(double v) { return boost::json::value(v); }
inline boost::json::value to_json(const std::vector<std::string>& v) {
  boost::json::array out;
  out.reserve(v.size());
  for (const auto& s : v) out.emplace_back(s);
  return out;
}
template <class V>
boost::json::value to_json(const std::optional<V>& v) {
  return v ? to_json(*v) : boost::json::value(nullptr);
}

template <class T>
class JsonShape;

template <class T>
struct IsOptional : std::false_type {};
template <class V>
struct IsOptional<std::optional<V>> : std::true_type {};

// One member of a rendered object: its name, its schema and how to read it,
// as a JSON value or appended as JSON text (the same bytes).
template <class T>
struct ShapeField {
  using Getter = std::function<boost::json::value(const T&)>;
  using Writer = std::function<void(const T&, std::string&)>;

  // A computed member.
  ShapeField(std::string field_name, Schema field_schema, Getter getter)
      : name(std::move(field_name)),
        schema(std::move(field_schema)),
        get(std::move(getter)),
        write([get = get](const T& v, std::string& out) { append_json(out, get(v)); }) {}

  // A computed member that can also append itself as text.
  ShapeField(std::string field_name, Schema field_schema, Getter getter, Writer writer)
      : name(std::move(field_name)),
        schema(std::move(field_schema)),
        get(std::move(getter)),
        write(std::move(writer)) {}

  // A data member rendered as it is; an std::optional member is nullable.
  template <class M>
  ShapeField(std::string field_name, Schema field_schema, M T::*member)
      : name(std::move(field_name)),
        schema(IsOptional<M>::value ? schema::nullable(std::move(field_schema))
                                    : std::move(field_schema)),
        get([member](const T& v) { return to_json(v.*member); }),
        write([member](const T& v, std::string& out) { append_json(out, v.*member); }) {}

  // A data member rendered by a shape of its own (a reference to that schema).
  template <class M>
  ShapeField(std::string field_name, const JsonShape<M>& inner, M T::*member);

  std::string name;
  Schema schema;
  Getter get;
  Writer write;
};

// The API shape of one type, T: a named object schema and the renderer that
// produces it, built from one list of fields, so the OpenAPI document and the
// JSON a route sends cannot drift apart. Every listed member is always sent
// (null where the schema says nullable), so every member is required.
template <class T>
class JsonShape : public NamedSchema {
 public:
  JsonShape(std::string name, std::vector<ShapeField<T>> fields)
      : NamedSchema(std::move(name), object_schema(fields)), fields_(std::move(fields)) {
    for (const auto& f : fields_) {
      std::string key = keys_.empty() ? "{" : ",";
      append_json(key, f.name);
      keys_.push_back(key + ':');
    }
  }

  // `value` as its JSON object.
  boost::json::object render(const T& value) const {
    boost::json::object out;
    out.reserve(fields_.size());
    for (const auto& f : fields_) out.emplace(f.name, f.get(value));
    return out;
  }

  // Appends `value` as JSON text: the bytes render(value) serializes to.
  void write(const T& value, std::string& out) const {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      out += keys_[i];
      fields_[i].write(value, out);
    }
    out += fields_.empty() ? "{}" : "}";
  }

  // The fields, in rendering order.
  const std::vector<ShapeField<T>>& fields() const { return fields_; }

  // Each of `values` rendered, in order.
  boost::json::array render_all(const std::vector<T>& values) const {
    boost::json::array out;
    out.reserve(values.size());
    for (const auto& v : values) out.emplace_back(render(v));
    return out;
  }

 private:
  static Schema object_schema(const std::vector<ShapeField<T>>& fields) {
    Schema out{{{"type", "object"}}, {}};
    boost::json::object properties;
    boost::json::array required;
    for (const auto& f : fields) {
      properties[f.name] = f.schema.json;
      required.emplace_back(f.name);
      out.refs.insert(out.refs.end(), f.schema.refs.begin(), f.schema.refs.end());
    }
    out.json["required"] = std::move(required);
    out.json["properties"] = std::move(properties);
    return out;
  }

  std::vector<ShapeField<T>> fields_;
  std::vector<std::string> keys_;  // `{"name":` for the first field, `,"name":` after
};

template <class T>
template <class M>
ShapeField<T>::ShapeField(std::string field_name, const JsonShape<M>& inner, M T::*member)
    : name(std::move(field_name)),
      schema(schema::ref(inner)),
      get([&inner, member](const T& v) { return boost::json::value(inner.render(v.*member)); }),
      write([&inner, member](const T& v, std::string& out) { inner.write(v.*member, out); }) {}

// The fields of `inner`'s shape read through `member`: how a type that
// extends another's shape (a profile is a user plus permissions) lists them.
template <class T, class Inner>
std::vector<ShapeField<T>> fields_of(const JsonShape<Inner>& inner, Inner T::*member) {
  std::vector<ShapeField<T>> out;
  out.reserve(inner.fields().size());
  for (const auto& f : inner.fields()) {
    out.emplace_back(
        f.name, f.schema, [get = f.get, member](const T& v) { return get(v.*member); },
        [write = f.write, member](const T& v, std::string& text) { write(v.*member, text); });
  }
  return out;
}

// `fields` followed by `more`.
template <class T>
std::vector<ShapeField<T>> concat(std::vector<ShapeField<T>> fields,
                                  std::vector<ShapeField<T>> more) {
  for (auto& f : more) fields.push_back(std::move(f));
  return fields;
}

}  // namespace deltalabs::http
