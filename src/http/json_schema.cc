#include "http/json_schema.h"

#include <boost/json.hpp>

namespace deltalabs::http::schema {

namespace {

Schema typed(const char* type) { return {{{"type", type}}, {}}; }

Schema formatted(const char* format) { return {{{"type", "string"}, {"format", format}}, {}}; }

// The envelope every list shares; `page_of` narrows its items.
const NamedSchema& page_envelope() {
  static const NamedSchema page(
      "Page",
      {{{"type", "object"},
        {"description",
         "One page of a list. next_cursor is opaque; pass it as ?cursor= for the next page, "
         "null on the last page."},
        {"required", {"items", "next_cursor"}},
        {"properties",
         {{"items", {{"type", "array"}}},
          {"next_cursor", {{"type", boost::json::array{"string", "null"}}}}}}},
       {}});
  return page;
}

}  // namespace

Schema string() { return typed("string"); }

Schema uuid() { return formatted("uuid"); }

Schema timestamp() { return formatted("date-time"); }

Schema one_of(std::vector<std::string> values) {
  boost::json::array allowed;
  for (auto& v : values) allowed.emplace_back(std::move(v));
  return {{{"type", "string"}, {"enum", std::move(allowed)}}, {}};
}

Schema integer() { return typed("integer"); }

Schema number() { return typed("number"); }

Schema boolean() { return typed("boolean"); }

Schema any_object() { return typed("object"); }

Schema described(Schema s, std::string text) {
  s.json["description"] = std::move(text);
  return s;
}

Schema nullable(Schema s) {
  if (auto* type = s.json.if_contains("type"); type != nullptr && type->is_string()) {
    // {"type": ["string", "null"]}: enum lists gain null too, or null would fail them.
    *type = boost::json::array{type->as_string(), "null"};
    if (auto* values = s.json.if_contains("enum")) values->as_array().emplace_back(nullptr);
    return s;
  }
  boost::json::array choices{std::move(s.json), {{"type", "null"}}};
  return {{{"anyOf", std::move(choices)}}, std::move(s.refs)};
}

Schema array(Schema items) {
  return {{{"type", "array"}, {"items", std::move(items.json)}}, std::move(items.refs)};
}

Schema one_of_schemas(std::vector<Schema> choices) {
  Schema out;
  boost::json::array alternatives;
  for (auto& c : choices) {
    alternatives.emplace_back(std::move(c.json));
    out.refs.insert(out.refs.end(), c.refs.begin(), c.refs.end());
  }
  out.json["oneOf"] = std::move(alternatives);
  return out;
}

Schema tagged_union(std::string property,
                    std::vector<std::pair<std::string, const NamedSchema*>> choices) {
  std::vector<Schema> refs;
  boost::json::object mapping;
  for (const auto& [tag, named] : choices) {
    refs.push_back(ref(*named));
    mapping[tag] = refs.back().json.at("$ref");
  }
  Schema out = one_of_schemas(std::move(refs));
  out.json["discriminator"] = {{"propertyName", std::move(property)},
                               {"mapping", std::move(mapping)}};
  return out;
}

Schema ref(const NamedSchema& named) {
  return {{{"$ref", "#/components/schemas/" + named.name()}}, {&named}};
}

Schema page_of(const NamedSchema& item) {
  const NamedSchema& page = page_envelope();
  boost::json::object narrowed{
      {"type", "object"},
      {"properties", {{"items", {{"type", "array"}, {"items", ref(item).json}}}}}};
  return {{{"allOf", {ref(page).json, std::move(narrowed)}}}, {&page, &item}};
}

}  // namespace deltalabs::http::schema
