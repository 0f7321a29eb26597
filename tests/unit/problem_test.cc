// problem_response: the last line of defence for error bodies. Whatever
// client text an error message quotes, the body is strict UTF-8 JSON.
#include "http/problem.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <string>

namespace deltalabs::http {
namespace {

TEST(ProblemResponse, EveryByteAClientSentComesOutAsStrictUtf8Json) {
  for (int b = 0; b <= 0xFF; ++b) {
    const std::string byte(1, static_cast<char>(b));
    Error e = Error::invalid("not '" + byte + "'", {{"f" + byte, "bad " + byte}});
    const Response r = problem_response(e, "req-1");
    boost::system::error_code ec;
    // Boost.JSON rejects invalid UTF-8 unless told otherwise.
    const boost::json::value body = boost::json::parse(r.body, ec);
    ASSERT_FALSE(ec) << "byte " << b << ": " << ec.message();
    const std::string expected = b < 0x80 ? byte : "\xEF\xBF\xBD";
    EXPECT_EQ(body.at("detail").as_string(), "not '" + expected + "'") << "byte " << b;
    EXPECT_EQ(body.at("message"), body.at("detail"));
    EXPECT_EQ(body.at("details").at(0).at("field").as_string(), "f" + expected);
    EXPECT_EQ(body.at("details").at(0).at("message").as_string(), "bad " + expected);
  }
}

TEST(ProblemResponse, CarriesTheMembersOfTheContract) {
  const Response r = problem_response(Error::not_found("course"), "req-2");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  const boost::json::value body = boost::json::parse(r.body);
  EXPECT_EQ(body.at("code").as_string(), "COURSE_NOT_FOUND");
  EXPECT_EQ(body.at("type").as_string(), "https://deltalabs.dev/problems/course-not-found");
  EXPECT_EQ(body.at("requestId").as_string(), "req-2");
}

}  // namespace
}  // namespace deltalabs::http
