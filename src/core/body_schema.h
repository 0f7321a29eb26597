#pragma once

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace deltalabs {

class BodySchema;

// The JSON types a request field may take; some add a format check.
enum class FieldType {
  kString,
  kEmail,
  kUuid,
  kTimestamp,
  kInteger,
  kBoolean,
  kObject,
  kArray,
  kAnyObject
};

// One field of a JSON request body: its type and the limits it must meet.
// Built fluently: field::string("name", 200).required().
struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kString;
  bool is_required = false;
  bool is_nullable = false;
  std::size_t min_len = 0;
  std::size_t max_len = 255;
  std::int64_t min_value = std::numeric_limits<std::int64_t>::min();
  std::int64_t max_value = std::numeric_limits<std::int64_t>::max();
  std::vector<std::string> allowed;          // enum values for strings
  std::shared_ptr<const BodySchema> nested;  // kObject fields
  std::shared_ptr<const FieldSpec> items;    // kArray element spec
  std::size_t max_items = 100;
  std::string description;

  // Marks the field as required.
  FieldSpec& required() {
    is_required = true;
    return *this;
  }
  // Allows JSON null as a value (meaning "clear").
  FieldSpec& nullable() {
    is_nullable = true;
    return *this;
  }
  // Sets the inclusive string length range, in code points.
  FieldSpec& length(std::size_t min, std::size_t max) {
    min_len = min;
    max_len = max;
    return *this;
  }
  // Sets the inclusive integer range.
  FieldSpec& range(std::int64_t min, std::int64_t max) {
    min_value = min;
    max_value = max;
    return *this;
  }
  // Restricts a string to one of the given values.
  FieldSpec& one_of(std::vector<std::string> values) {
    allowed = std::move(values);
    return *this;
  }
  // Documents the field in the OpenAPI document.
  FieldSpec& describe(std::string text) {
    description = std::move(text);
    return *this;
  }
};

namespace field {
// A UTF-8 string of at most max_len code points.
FieldSpec string(std::string name, std::size_t max_len = 255);
// An email address (syntax checked, at most 254 characters).
FieldSpec email(std::string name);
// A UUID string.
FieldSpec uuid(std::string name);
// An RFC 3339 timestamp string.
FieldSpec timestamp(std::string name);
// A 64-bit integer.
FieldSpec integer(std::string name);
// true or false.
FieldSpec boolean(std::string name);
// A nested object checked against its own schema.
FieldSpec object(std::string name, BodySchema schema);
// A free-form JSON object (settings, content bodies), bounded in serialized size.
FieldSpec any_object(std::string name, std::size_t max_bytes = 64 * 1024);
// An array whose elements all meet `item`.
FieldSpec array(std::string name, FieldSpec item, std::size_t max_items = 100);
}  // namespace field

// The accepted shape of a JSON request body. Validation rejects anything that
// is not an object, unknown fields, missing required fields, wrong types and
// out-of-range values, reporting every problem at once.
class BodySchema {
 public:
  BodySchema() = default;
  BodySchema(std::initializer_list<FieldSpec> fields);  // NOLINT(google-explicit-constructor)
  explicit BodySchema(std::vector<FieldSpec> fields) : fields_(std::move(fields)) {}

  // Checks `body` and returns a VALIDATION_FAILED error listing each bad field.
  Status validate(const boost::json::value& body) const;

  // The equivalent JSON Schema object, for the OpenAPI document.
  boost::json::object to_json_schema() const;

  // The fields, in declaration order.
  const std::vector<FieldSpec>& fields() const { return fields_; }

 private:
  void validate_object(const boost::json::object& body, const std::string& prefix,
                       std::vector<FieldError>& errors) const;

  std::vector<FieldSpec> fields_;
};

// Checks one value against one field spec, appending problems to `errors`.
void validate_field(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                    std::vector<FieldError>& errors);

// The number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace deltalabs
