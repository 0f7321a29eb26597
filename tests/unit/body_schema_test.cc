// Request body validation: the one place that turns "any JSON" into "a body
// this route accepts". Every failure must be a 400 with one entry per field.
#include <gtest/gtest.h>

#include <boost/json.hpp>

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

}  // namespace
}  // namespace deltalabs
