#pragma once

#include <boost/json/fwd.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace deltalabs::http {

class StreamSource;

// What a handler answers: status, body and extra headers. The pipeline adds
// X-Request-Id, CORS and content headers.
struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  // Set on streaming responses: the body is not `body` but what this source
  // writes, sent chunked until the connection ends.
  std::shared_ptr<StreamSource> stream;
  // False when the answer is provisional (a payment still pending outside):
  // it is not stored under the request's Idempotency-Key, so a retry runs
  // again and reports what holds then.
  bool replayable = true;

  // A JSON body with the given status.
  static Response json(int status, const boost::json::value& body);
  // 204 with no body.
  static Response no_content();
  // 200 whose body `source` streams, of the given media type (text/event-stream).
  static Response streaming(std::string content_type, std::shared_ptr<StreamSource> source);
  // A body of any type.
  static Response text(int status, std::string body, std::string content_type);

  // Adds a header; returns *this for chaining.
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

}  // namespace deltalabs::http
