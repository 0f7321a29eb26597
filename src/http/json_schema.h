#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <vector>

namespace deltalabs::http {

class NamedSchema;

// The JSON Schema (2020-12, the dialect of OpenAPI 3.1) of a response value,
// with the named schemas it refers to, so the OpenAPI document can list every
// component a route's response needs.
struct Schema {
  boost::json::object json;
  std::vector<const NamedSchema*> refs;
};

// A schema with a name: one entry of the OpenAPI document's
// components/schemas, referenced wherever the value appears. Instances live
// for the whole program (function-local statics), so references stay valid.
class NamedSchema {
 public:
  NamedSchema(std::string name, Schema schema)
      : name_(std::move(name)), schema_(std::move(schema)) {}
  NamedSchema(const NamedSchema&) = delete;
  NamedSchema& operator=(const NamedSchema&) = delete;
  virtual ~NamedSchema() = default;

  // The component name, e.g. "User".
  const std::string& name() const { return name_; }
  // The schema with its references.
  const Schema& schema() const { return schema_; }

 private:
  std::string name_;
  Schema schema_;
};

namespace schema {
// Any string.
Schema string();
// A UUID string.
Schema uuid();
// An RFC 3339 UTC timestamp string.
Schema timestamp();
// A string that is one of `values`.
Schema one_of(std::vector<std::string> values);
// A 64-bit integer.
Schema integer();
// A JSON number (integers included).
Schema number();
// true or false.
Schema boolean();
// A JSON object whose members are not described (settings, content bodies).
Schema any_object();
// The same schema with a description.
Schema described(Schema s, std::string text);
// The same schema, or null.
Schema nullable(Schema s);
// An array whose elements all match `items`.
Schema array(Schema items);
// A value matching exactly one of `choices` (a route answering one of several shapes).
Schema one_of_schemas(std::vector<Schema> choices);
// One of several named schemas, told apart by the string member `property`
// each carries with its own constant value (an OpenAPI discriminator).
Schema tagged_union(std::string property,
                    std::vector<std::pair<std::string, const NamedSchema*>> choices);
// A reference to a named schema.
Schema ref(const NamedSchema& named);
// A list page: the shared `Page` envelope {items, next_cursor} with items of `item`.
Schema page_of(const NamedSchema& item);
}  // namespace schema

}  // namespace deltalabs::http
