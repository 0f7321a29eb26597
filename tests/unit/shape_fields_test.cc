// Shape fields declared by name (DL_SHAPE_FIELDS, DL_JSON_SHAPE): each entry
// must become the member it names, under that name as its key, in the order
// written, with the schema its schema function builds (and its arguments),
// mixed in place with explicit entries; otherwise a shape would document or
// send another object than the one listed.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/shape_fields.h"

namespace deltalabs::http {
namespace {

struct Item {
  std::string id;
  std::string status;
  std::int64_t count = 0;
  std::optional<std::string> closed_at;
  std::string created_at;
  std::vector<std::string> tags;
};

DL_JSON_SHAPE(item_shape, Item, "Item",
              {DL_SHAPE_FIELDS(Item, (id, uuid), (status, one_of, {"open", "closed"}),
                               (count, integer)),
               {"added_at", schema::timestamp(), &Item::created_at},
               DL_SHAPE_FIELDS(Item, (closed_at, timestamp))})

// A second shape of the same type: its own static, not the first one's.
DL_JSON_SHAPE(item_tags_shape, Item, "ItemTags",
              {DL_SHAPE_FIELDS(Item, (tags, array, schema::string()))})

Item sample() {
  return {"0b8f5d2e-8d1c-4a53-9a57-2f5c1b1e9a10",
          "open",
          3,
          std::nullopt,
          "2026-12-07T10:00:00Z",
          {"a", "b"}};
}

std::vector<std::string> keys(const boost::json::object& o) {
  std::vector<std::string> out;
  for (const auto& kv : o) out.emplace_back(kv.key());
  return out;
}

TEST(ShapeFields, KeysAreTheFieldNamesInTheOrderWritten) {
  std::vector<std::string> names;
  for (const auto& f : item_shape().fields()) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"id", "status", "count", "added_at", "closed_at"}));
  EXPECT_EQ(keys(item_shape().render(sample())), names);
}

TEST(ShapeFields, EachSchemaIsWhatItsSchemaFunctionBuilds) {
  const auto& f = item_shape().fields();
  EXPECT_EQ(f[0].schema.json, schema::uuid().json);
  EXPECT_EQ(f[1].schema.json, schema::one_of({"open", "closed"}).json);
  EXPECT_EQ(f[2].schema.json, schema::integer().json);
  EXPECT_EQ(f[3].schema.json, schema::timestamp().json);
  // An optional member is documented as nullable, as an explicit entry is.
  EXPECT_EQ(f[4].schema.json, schema::nullable(schema::timestamp()).json);
  EXPECT_EQ(item_tags_shape().fields()[0].schema.json, schema::array(schema::string()).json);
}

TEST(ShapeFields, TheObjectSchemaRequiresEveryKeyInOrder) {
  const auto& json = item_shape().schema().json;
  EXPECT_EQ(boost::json::serialize(json.at("required")),
            R"(["id","status","count","added_at","closed_at"])");
  EXPECT_EQ(item_shape().name(), "Item");
}

TEST(ShapeFields, RendersEachMemberItNames) {
  EXPECT_EQ(boost::json::serialize(item_shape().render(sample())),
            R"({"id":"0b8f5d2e-8d1c-4a53-9a57-2f5c1b1e9a10","status":"open","count":3,)"
            R"("added_at":"2026-12-07T10:00:00Z","closed_at":null})");
  std::string text;
  item_shape().write(sample(), text);
  EXPECT_EQ(text, boost::json::serialize(item_shape().render(sample())));
}

TEST(ShapeFields, EachDefinedShapeIsItsOwnObjectBuiltOnce) {
  EXPECT_EQ(&item_shape(), &item_shape());
  EXPECT_NE(static_cast<const void*>(&item_shape()), static_cast<const void*>(&item_tags_shape()));
  EXPECT_EQ(item_tags_shape().name(), "ItemTags");
  EXPECT_EQ(boost::json::serialize(item_tags_shape().render(sample())), R"({"tags":["a","b"]})");
}

}  // namespace
}  // namespace deltalabs::http
