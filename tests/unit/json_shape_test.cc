// JSON text written straight from a shape: a list page is written without a
// value tree (decision 0020), so the text must be exactly what serializing
// the rendered tree gives, for every kind of member and every byte that needs
// escaping; otherwise the documented shape and the sent bytes could drift.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdint>
#include <limits>

#include "core/cursor_codec.h"
#include "http/json_shape.h"
#include "http/pagination.h"

namespace deltalabs::http {
namespace {

struct Inner {
  std::string code;
};

struct Sample {
  std::string text;
  std::int64_t count = 0;
  int small = 0;
  bool flag = false;
  double ratio = 0;
  std::optional<std::string> maybe;
  std::optional<std::int64_t> maybe_count;
  std::vector<std::string> tags;
  Inner inner;
};

const JsonShape<Inner>& inner_shape() {
  static const JsonShape<Inner> shape("Inner", {{"code", schema::string(), &Inner::code}});
  return shape;
}

const JsonShape<Sample>& sample_shape() {
  static const JsonShape<Sample> shape(
      "Sample", concat<Sample>({{"text", schema::string(), &Sample::text},
                                {"count", schema::integer(), &Sample::count},
                                {"small", schema::integer(), &Sample::small},
                                {"flag", schema::boolean(), &Sample::flag},
                                {"ratio", schema::number(), &Sample::ratio},
                                {"maybe", schema::string(), &Sample::maybe},
                                {"maybe_count", schema::integer(), &Sample::maybe_count},
                                {"tags", schema::array(schema::string()), &Sample::tags},
                                {"computed", schema::integer(),
                                 [](const Sample& s) { return boost::json::value(s.count * 2); }},
                                {"nested", inner_shape(), &Sample::inner}},
                               fields_of(inner_shape(), &Sample::inner)));
  return shape;
}

std::string written(const Sample& s) {
  std::string out;
  sample_shape().write(s, out);
  return out;
}

TEST(JsonShapeTest, WrittenTextIsTheSerializedRendering) {
  Sample plain{"hello", 42, -7, true, 0.5, "there", 9, {"a", "b"}, {"X1"}};
  EXPECT_EQ(written(plain), boost::json::serialize(sample_shape().render(plain)));
  Sample empty;
  EXPECT_EQ(written(empty), boost::json::serialize(sample_shape().render(empty)));
}

TEST(JsonShapeTest, AMemberWithAShapeOfItsOwnIsAReferenceWrittenAsThatShape) {
  const auto& nested = sample_shape().fields()[9];
  ASSERT_EQ(nested.name, "nested");
  EXPECT_EQ(boost::json::serialize(nested.schema.json), R"({"$ref":"#/components/schemas/Inner"})");
  Sample s;
  s.inner.code = "Q\"7";
  std::string out;
  nested.write(s, out);
  EXPECT_EQ(out, R"({"code":"Q\"7"})");
  EXPECT_EQ(boost::json::serialize(nested.get(s)), out);
}

TEST(JsonShapeTest, EveryByteThatNeedsEscapingIsEscapedAsBoostDoes) {
  std::string every_byte;
  for (int b = 1; b < 256; ++b) every_byte += static_cast<char>(b);
  Sample s{every_byte + "Ädá \"quoted\" back\\slash",
           std::numeric_limits<std::int64_t>::min(),
           0,
           false,
           -1e300,
           std::nullopt,
           std::nullopt,
           {"\n", "\x01", ""},
           {"\t"}};
  const std::string text = written(s);
  EXPECT_EQ(text, boost::json::serialize(sample_shape().render(s)));
  EXPECT_NE(text.find(R"(\u0001)"), std::string::npos);
  EXPECT_NE(text.find(R"(\"quoted\")"), std::string::npos);
}

// Text is scanned eight bytes at a time: a byte to escape is found wherever
// it sits in a word, including the zero byte and bytes of UTF-8.
TEST(JsonShapeTest, AnEscapeIsFoundAtEveryPositionOfTheWordsScanned) {
  const std::string plain = "abcdefghijklmnopq\xc3\xa4";
  for (const char special : {'\0', '\x01', '\x1f', '"', '\\'}) {
    for (std::size_t at = 0; at <= plain.size(); ++at) {
      std::string text = plain;
      text.insert(at, 1, special);
      std::string out;
      append_json(out, text);
      ASSERT_EQ(out, boost::json::serialize(boost::json::value(text))) << "at " << at;
    }
  }
}

TEST(JsonShapeTest, APageIsWrittenAsThePageEnvelope) {
  const CursorCodec codec("unit-test-secret-unit-test-secret");
  Page<Sample> page;
  page.items = {Sample{"one", 1}, Sample{"two", 2}};
  page.next = "position";
  const Response fast = page_response(page, sample_shape(), codec);
  boost::json::array items;
  for (const auto& s : page.items) items.push_back(sample_shape().render(s));
  const auto expected = boost::json::parse(fast.body).as_object();
  EXPECT_EQ(expected.at("items"), boost::json::value(items));
  const auto cursor = codec.decode(std::string(expected.at("next_cursor").as_string()));
  ASSERT_TRUE(cursor.ok());
  EXPECT_EQ(cursor.value(), "position");
  EXPECT_EQ(fast.content_type, "application/json");

  page.next.reset();
  page.items.clear();
  EXPECT_EQ(page_response(page, sample_shape(), codec).body, R"({"items":[],"next_cursor":null})");
}

}  // namespace
}  // namespace deltalabs::http
