#include "core/body_schema.h"

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs {

namespace field {

FieldSpec string(std::string name, std::size_t max_len) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kString;
  f.max_len = max_len;
  return f;
}

FieldSpec email(std::string name) {
  FieldSpec f = string(std::move(name), 254);
  f.type = FieldType::kEmail;
  f.min_len = 3;
  return f;
}

FieldSpec uuid(std::string name) {
  FieldSpec f = string(std::move(name), 36);
  f.type = FieldType::kUuid;
  return f;
}

FieldSpec timestamp(std::string name) {
  FieldSpec f = string(std::move(name), 40);
  f.type = FieldType::kTimestamp;
  return f;
}

FieldSpec integer(std::string name) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kInteger;
  return f;
}

FieldSpec boolean(std::string name) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kBoolean;
  return f;
}

FieldSpec object(std::string name, BodySchema schema) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kObject;
  f.nested = std::make_shared<const BodySchema>(std::move(schema));
  return f;
}

FieldSpec any_object(std::string name, std::size_t max_bytes) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kAnyObject;
  f.max_len = max_bytes;
  return f;
}

FieldSpec array(std::string name, FieldSpec item, std::size_t max_items) {
  FieldSpec f;
  f.name = std::move(name);
  f.type = FieldType::kArray;
  f.items = std::make_shared<const FieldSpec>(std::move(item));
  f.max_items = max_items;
  return f;
}

}  // namespace field

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

namespace {

bool looks_like_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size()) return false;
  if (s.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = s.substr(at + 1);
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.') {
    return false;
  }
  return std::none_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '<' || c == '>';
  });
}

void check_string(const FieldSpec& spec, std::string_view s, const std::string& path,
                  std::vector<FieldError>& errors) {
  const std::size_t len = utf8_length(s);
  if (len < spec.min_len || len > spec.max_len) {
    errors.push_back({path, "must be " + std::to_string(spec.min_len) + " to " +
                                std::to_string(spec.max_len) + " characters long"});
    return;
  }
  if (!spec.allowed.empty() &&
      std::find(spec.allowed.begin(), spec.allowed.end(), s) == spec.allowed.end()) {
    std::string list;
    for (const auto& v : spec.allowed) list += (list.empty() ? "" : ", ") + v;
    errors.push_back({path, "must be one of: " + list});
    return;
  }
  if (spec.type == FieldType::kEmail && !looks_like_email(s)) {
    errors.push_back({path, "must be an email address"});
  } else if (spec.type == FieldType::kUuid && !is_uuid(s)) {
    errors.push_back({path, "must be a UUID"});
  } else if (spec.type == FieldType::kTimestamp && !parse_rfc3339(s)) {
    errors.push_back({path, "must be an RFC 3339 timestamp"});
  }
}

void check_integer(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                   std::vector<FieldError>& errors) {
  std::int64_t n = 0;
  if (value.is_int64()) {
    n = value.get_int64();
  } else if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(value.get_uint64());
  } else {
    errors.push_back({path, "must be an integer"});
    return;
  }
  if (n < spec.min_value || n > spec.max_value) {
    errors.push_back({path, "must be between " + std::to_string(spec.min_value) + " and " +
                                std::to_string(spec.max_value)});
  }
}

// A nested object's problems, named by their path from the top of the body.
void check_object(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                  std::vector<FieldError>& errors) {
  if (!value.is_object()) {
    errors.push_back({path, "must be an object"});
    return;
  }
  const auto nested = spec.nested->validate(value);
  if (!nested.ok()) {
    for (const auto& e : nested.error().details)
      errors.push_back({path + "." + e.field, e.message});
  }
}

void check_any_object(const FieldSpec& spec, const boost::json::value& value,
                      const std::string& path, std::vector<FieldError>& errors) {
  if (!value.is_object()) {
    errors.push_back({path, "must be an object"});
  } else if (boost::json::serialize(value).size() > spec.max_len) {
    errors.push_back({path, "must be at most " + std::to_string(spec.max_len) + " bytes"});
  }
}

void check_array(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                 std::vector<FieldError>& errors) {
  if (!value.is_array()) {
    errors.push_back({path, "must be an array"});
    return;
  }
  const auto& arr = value.get_array();
  if (arr.size() > spec.max_items) {
    errors.push_back({path, "must have at most " + std::to_string(spec.max_items) + " items"});
    return;
  }
  for (std::size_t i = 0; i < arr.size(); ++i) {
    validate_field(*spec.items, arr[i], path + "[" + std::to_string(i) + "]", errors);
  }
}

}  // namespace

void validate_field(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                    std::vector<FieldError>& errors) {
  if (value.is_null()) {
    if (!spec.is_nullable) errors.push_back({path, "must not be null"});
    return;
  }
  switch (spec.type) {
    case FieldType::kString:
    case FieldType::kEmail:
    case FieldType::kUuid:
    case FieldType::kTimestamp:
      if (!value.is_string()) {
        errors.push_back({path, "must be a string"});
      } else {
        check_string(spec, value.get_string(), path, errors);
      }
      return;
    case FieldType::kInteger:
      return check_integer(spec, value, path, errors);
    case FieldType::kBoolean:
      if (!value.is_bool()) errors.push_back({path, "must be true or false"});
      return;
    case FieldType::kObject:
      return check_object(spec, value, path, errors);
    case FieldType::kAnyObject:
      return check_any_object(spec, value, path, errors);
    case FieldType::kArray:
      return check_array(spec, value, path, errors);
  }
}

BodySchema::BodySchema(std::initializer_list<FieldSpec> fields) : fields_(fields) {}

void BodySchema::read_into(void* out, const std::type_info& type,
                           const boost::json::value& body) const {
  const auto* object = body.if_object();
  if (object == nullptr) return;
  for (const FieldSpec& f : fields_) {
    const auto* v = object->if_contains(f.name);
    if (!f.reader) {
      // An unbound nested object reads its own bound fields into the same struct.
      if (f.nested && v != nullptr) f.nested->read_into(out, type, *v);
      continue;
    }
    if (*f.target != type) {
      throw std::logic_error("body field " + f.name + " is bound to another request type");
    }
    if (v != nullptr) f.reader(out, *v);
  }
}

Status BodySchema::validate(const boost::json::value& body) const {
  std::vector<FieldError> errors;
  if (!body.is_object()) {
    errors.push_back({"", "the body must be a JSON object"});
  } else {
    validate_object(body.get_object(), "", errors);
  }
  if (errors.empty()) return {};
  return Error::invalid("The request body is not valid.", std::move(errors));
}

void BodySchema::validate_object(const boost::json::object& body, const std::string& prefix,
                                 std::vector<FieldError>& errors) const {
  for (const auto& member : body) {
    const std::string key(member.key());
    const auto it = std::find_if(fields_.begin(), fields_.end(),
                                 [&](const FieldSpec& f) { return f.name == key; });
    if (it == fields_.end()) {
      errors.push_back({prefix + key, "is not a known field"});
    } else {
      validate_field(*it, member.value(), prefix + key, errors);
    }
  }
  for (const auto& f : fields_) {
    if (f.is_required && !body.contains(f.name)) errors.push_back({prefix + f.name, "is required"});
  }
}

namespace {

boost::json::object field_schema(const FieldSpec& f) {
  boost::json::object s;
  switch (f.type) {
    case FieldType::kString:
    case FieldType::kEmail:
    case FieldType::kUuid:
    case FieldType::kTimestamp:
      s["type"] = "string";
      if (f.type == FieldType::kEmail) s["format"] = "email";
      if (f.type == FieldType::kUuid) s["format"] = "uuid";
      if (f.type == FieldType::kTimestamp) s["format"] = "date-time";
      if (f.min_len > 0) s["minLength"] = f.min_len;
      s["maxLength"] = f.max_len;
      if (!f.allowed.empty()) {
        boost::json::array values;
        for (const auto& v : f.allowed) values.emplace_back(v);
        s["enum"] = std::move(values);
      }
      break;
    case FieldType::kInteger:
      s["type"] = "integer";
      if (f.min_value != std::numeric_limits<std::int64_t>::min()) s["minimum"] = f.min_value;
      if (f.max_value != std::numeric_limits<std::int64_t>::max()) s["maximum"] = f.max_value;
      break;
    case FieldType::kBoolean:
      s["type"] = "boolean";
      break;
    case FieldType::kObject:
      s = f.nested->to_json_schema();
      break;
    case FieldType::kAnyObject:
      s["type"] = "object";
      break;
    case FieldType::kArray:
      s["type"] = "array";
      s["items"] = field_schema(*f.items);
      s["maxItems"] = f.max_items;
      break;
  }
  if (f.is_nullable) {
    boost::json::array types{s["type"], "null"};
    s["type"] = std::move(types);
  }
  if (!f.description.empty()) s["description"] = f.description;
  return s;
}

}  // namespace

boost::json::object BodySchema::to_json_schema() const {
  boost::json::object props;
  boost::json::array required;
  for (const auto& f : fields_) {
    props[f.name] = field_schema(f);
    if (f.is_required) required.emplace_back(f.name);
  }
  boost::json::object schema{
      {"type", "object"}, {"properties", std::move(props)}, {"additionalProperties", false}};
  if (!required.empty()) schema["required"] = std::move(required);
  return schema;
}

}  // namespace deltalabs
