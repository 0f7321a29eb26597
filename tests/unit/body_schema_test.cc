// Request body validation: the one place that turns "any JSON" into "a body
// this route accepts". Every failure must be a 400 with one entry per field.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/body_schema.h"

namespace deltalabs {
namespace {

const BodySchema& registration() {
  static const BodySchema schema{
      field::email("email").required(),
      field::string("password", 128).length(8, 128).required(),
      field::string("username", 32).length(3, 32),
      field::integer("age").range(0, 150),
      field::string("theme", 10).one_of({"light", "dark"}),
      field::object("price",
                    BodySchema{field::integer("amount_minor").range(0, 100000000).required(),
                               field::string("currency", 3).length(3, 3).required()}),
      field::array("role_ids", field::uuid("role_id"), 3),
  };
  return schema;
}

std::vector<FieldError> problems(const char* json) {
  const auto result = registration().validate(boost::json::parse(json));
  return result.ok() ? std::vector<FieldError>{} : result.error().details;
}

TEST(BodySchemaTest, AcceptsAValidBody) {
  EXPECT_TRUE(problems(R"({"email":"a@b.io","password":"correct horse","username":"ann",
      "price":{"amount_minor":4999,"currency":"USD"},"role_ids":["0190a0b0-0000-7000-8000-000000000000"]})")
                  .empty());
}

TEST(BodySchemaTest, CountsCodePointsNotBytes) {
  EXPECT_TRUE(problems(R"({"email":"a@b.io","password":"пароль12"})").empty());
  EXPECT_FALSE(problems(R"({"email":"a@b.io","password":"пароль1"})").empty());
}

TEST(BodySchemaTest, ReportsEveryProblemByField) {
  const auto p = problems(R"({"email":"nope","age":"12","theme":"blue","extra":1,
      "price":{"amount_minor":-1},"role_ids":["x"]})");
  std::set<std::string> fields;
  for (const auto& e : p) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"email", "password", "age", "theme", "extra",
                                           "price.amount_minor", "price.currency", "role_ids[0]"}));
}

TEST(BodySchemaTest, RejectsNonObjectsAndNulls) {
  EXPECT_FALSE(problems("[]").empty());
  EXPECT_FALSE(problems("\"text\"").empty());
  EXPECT_FALSE(problems(R"({"email":null,"password":"12345678"})").empty());
}

TEST(BodySchemaTest, RejectsOversizedArraysAndFloatsForIntegers) {
  const std::string many =
      R"({"email":"a@b.io","password":"12345678","role_ids":[)"
      R"("0190a0b0-0000-7000-8000-000000000000","0190a0b0-0000-7000-8000-000000000000",)"
      R"("0190a0b0-0000-7000-8000-000000000000","0190a0b0-0000-7000-8000-000000000000"]})";
  EXPECT_FALSE(problems(many.c_str()).empty());
  EXPECT_FALSE(problems(R"({"email":"a@b.io","password":"12345678","age":1.5})").empty());
}

// What a handler reads a body into: each member bound to its field once.
struct LineInput {
  std::string sku;
  std::int64_t quantity = 1;
};

struct OrderInput {
  std::string email;
  std::optional<std::string> coupon;
  std::optional<std::optional<std::string>> note;  // sent, possibly null
  std::int64_t amount_minor = 0;
  std::string currency = "EUR";
  bool gift = false;
  std::vector<std::string> tags;
  std::vector<LineInput> lines;
  std::string settings = "{}";
};

const BodySchema& order_body() {
  static const BodySchema schema{
      field::email("email").required().into(&OrderInput::email),
      field::string("coupon", 40).into(&OrderInput::coupon),
      field::string("note", 200).nullable().into(&OrderInput::note),
      field::object(
          "price",
          BodySchema{field::integer("amount_minor").required().into(&OrderInput::amount_minor),
                     field::string("currency", 3).required().into(&OrderInput::currency)}),
      field::boolean("gift").into(&OrderInput::gift),
      field::array("tags", field::string("tag", 20), 5).into(&OrderInput::tags),
      field::array(
          "lines",
          field::object("line", BodySchema{field::string("sku").required().into(&LineInput::sku),
                                           field::integer("quantity").into(&LineInput::quantity)}),
          10)
          .into(&OrderInput::lines),
      field::any_object("settings").into(&OrderInput::settings)};
  return schema;
}

TEST(BodySchemaReadTest, ReadsEveryBoundFieldIntoItsMember) {
  const auto in = order_body().read<OrderInput>(boost::json::parse(
      R"({"email":"a@b.io","coupon":"X","note":"hi","price":{"amount_minor":250,"currency":"USD"},
          "gift":true,"tags":["a","b"],"lines":[{"sku":"s1","quantity":3},{"sku":"s2"}],
          "settings":{"k":[1]}})"));
  EXPECT_EQ(in.email, "a@b.io");
  EXPECT_EQ(in.coupon, "X");
  ASSERT_TRUE(in.note.has_value());
  EXPECT_EQ(*in.note, "hi");
  EXPECT_EQ(in.amount_minor, 250);
  EXPECT_EQ(in.currency, "USD");
  EXPECT_TRUE(in.gift);
  EXPECT_EQ(in.tags, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(in.lines.size(), 2u);
  EXPECT_EQ(in.lines[0].sku, "s1");
  EXPECT_EQ(in.lines[0].quantity, 3);
  EXPECT_EQ(in.lines[1].quantity, 1);
  EXPECT_EQ(in.settings, R"({"k":[1]})");
}

TEST(BodySchemaReadTest, AbsentFieldsKeepDefaultsAndNullIsTold) {
  const auto in =
      order_body().read<OrderInput>(boost::json::parse(R"({"email":"a@b.io","note":null})"));
  EXPECT_FALSE(in.coupon.has_value());
  ASSERT_TRUE(in.note.has_value());    // sent ...
  EXPECT_FALSE(in.note->has_value());  // ... as null
  EXPECT_EQ(in.currency, "EUR");
  EXPECT_EQ(in.settings, "{}");
  EXPECT_TRUE(in.lines.empty());
  EXPECT_FALSE(order_body().read<OrderInput>(boost::json::parse("{}")).note.has_value());
}

TEST(BodySchemaReadTest, ReadingIntoAnotherTypeIsAProgrammingError) {
  EXPECT_THROW(order_body().read<LineInput>(boost::json::parse(R"({"email":"a@b.io"})")),
               std::logic_error);
}

}  // namespace
}  // namespace deltalabs
