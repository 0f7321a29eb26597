#include "http/response.h"

#include <boost/json.hpp>

#include "http/stream.h"

namespace deltalabs::http {

Response Response::json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::streaming(std::string content_type, std::shared_ptr<StreamSource> source) {
  Response r;
  r.content_type = std::move(content_type);
  r.stream = std::move(source);
  // A stream is never to be cached, nor held back by a buffering proxy.
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("X-Accel-Buffering", "no");
  return r;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

}  // namespace deltalabs::http
