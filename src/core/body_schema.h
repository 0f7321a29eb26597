#pragma once

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <typeinfo>
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

// How BodySchema::read stores a validated value into a member of the
// handler's request struct: a string member takes a string (or an object or
// array as JSON text), an optional one is reset by a JSON null.
namespace body_read {
void assign(const boost::json::value& v, std::string& out);
void assign(const boost::json::value& v, std::optional<std::string>& out);
void assign(const boost::json::value& v, std::optional<std::optional<std::string>>& out);
void assign(const boost::json::value& v, std::int64_t& out);
void assign(const boost::json::value& v, std::optional<std::int64_t>& out);
void assign(const boost::json::value& v, std::optional<std::optional<std::int64_t>>& out);
void assign(const boost::json::value& v, int& out);
void assign(const boost::json::value& v, std::optional<int>& out);
void assign(const boost::json::value& v, bool& out);
void assign(const boost::json::value& v, std::optional<bool>& out);
void assign(const boost::json::value& v, std::vector<std::string>& out);
void assign(const boost::json::value& v, std::optional<std::vector<std::string>>& out);
void assign(const boost::json::value& v, std::vector<std::int64_t>& out);
// Calls `fn` with each element of an array value.
void for_each_item(const boost::json::value& v,
                   const std::function<void(const boost::json::value&)>& fn);

// A vector of structs: what an array of objects is read into.
template <class M>
inline constexpr bool kIsStructVector = false;
template <class E>
inline constexpr bool kIsStructVector<std::vector<E>> =
    std::is_class_v<E> && !std::is_same_v<E, std::string>;

// Each object of an array read into an E by `item`'s nested schema.
template <class E, class Item>
void assign_objects(const boost::json::value& v, const Item& item, std::vector<E>& out);
}  // namespace body_read

// One field of a JSON request body: its type and the limits it must meet,
// and the request-struct member it is read into.
// Built fluently: field::string("name", 200).required().into(&Input::name).
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
  // Binds the field to a member of T: BodySchema::read<T> stores its value
  // there; an absent field leaves the member's default.
  // An array of objects is bound to a std::vector of a struct its element
  // schema binds (call into() after field::array).
  template <class T, class M>
  FieldSpec& into(M T::*member) {
    target = &typeid(T);
    if constexpr (body_read::kIsStructVector<M>) {
      reader = [member, item = items](void* out, const boost::json::value& v) {
        body_read::assign_objects(v, *item, static_cast<T*>(out)->*member);
      };
    } else {
      reader = [member](void* out, const boost::json::value& v) {
        body_read::assign(v, static_cast<T*>(out)->*member);
      };
    }
    return *this;
  }

  const std::type_info* target = nullptr;  // the struct `reader` writes into
  std::function<void(void*, const boost::json::value&)> reader;
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

  // A validated body read into T: each field bound with into(&T::member) is
  // stored in its member (the bound fields of an unbound nested object too);
  // absent fields keep T's defaults.
  template <class T>
  T read(const boost::json::value& body) const {
    T out{};
    read_into(&out, typeid(T), body);
    return out;
  }

 private:
  // Stores each bound field present in `body` into `out`, a T of `type`.
  void read_into(void* out, const std::type_info& type, const boost::json::value& body) const;

  void validate_object(const boost::json::object& body, const std::string& prefix,
                       std::vector<FieldError>& errors) const;

  std::vector<FieldSpec> fields_;
};

template <class E, class Item>
void body_read::assign_objects(const boost::json::value& v, const Item& item, std::vector<E>& out) {
  out.clear();
  for_each_item(v, [&](const boost::json::value& element) {
    out.push_back(item.nested->template read<E>(element));
  });
}

// Checks one value against one field spec, appending problems to `errors`.
void validate_field(const FieldSpec& spec, const boost::json::value& value, const std::string& path,
                    std::vector<FieldError>& errors);

// The number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace deltalabs
