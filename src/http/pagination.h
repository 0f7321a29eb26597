#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <atomic>
#include <cstddef>

#include "core/cursor_codec.h"
#include "core/page.h"
#include "http/json_shape.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

namespace deltalabs::http {

// Reads ?limit= (1..100, default 20) and ?cursor= into a PageRequest.
Result<PageRequest> read_page_request(const Request& req, const CursorCodec& codec);

// {"items": [...], "next_cursor": "..." | null}.
boost::json::object page_body(boost::json::array items, const std::optional<std::string>& next,
                              const CursorCodec& codec);

// 200 with a page of items, each rendered by `render(item)` into JSON.
template <class T, class Render>
Response page_response(const Page<T>& page, Render render, const CursorCodec& codec) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.push_back(render(item));
  return Response::json(200, page_body(std::move(items), page.next, codec));
}

// The body of a page, {"items": [...], "next_cursor": ...}, written as its
// items come: each as `shape` renders it, without building a value tree.
template <class T>
class PageBodyWriter {
 public:
  // Starts a body for about `expected_items` items.
  PageBodyWriter(const JsonShape<T>& shape, std::size_t expected_items) : shape_(shape) {
    // Sized from the pages of T written before, so the body is allocated once.
    body_.reserve(64 + expected_items * item_bytes().load(std::memory_order_relaxed));
    body_ += R"({"items":[)";
  }

  // Appends one item.
  void add(const T& item) {
    if (count_++ > 0) body_ += ',';
    shape_.write(item, body_);
  }

  // 200 with the body, its next_cursor sealing `next` (null when absent).
  Response finish(const std::optional<std::string>& next, const CursorCodec& codec) {
    body_ += R"(],"next_cursor":)";
    append_json(body_, next ? std::optional<std::string>(codec.encode(*next)) : std::nullopt);
    body_ += '}';
    if (count_ > 0) item_bytes().store(body_.size() / count_ + 64, std::memory_order_relaxed);
    return Response::text(200, std::move(body_), "application/json");
  }

 private:
  static std::atomic<std::size_t>& item_bytes() {
    static std::atomic<std::size_t> bytes{512};
    return bytes;
  }

  const JsonShape<T>& shape_;
  std::string body_;
  std::size_t count_ = 0;
};

// 200 with a page of items written as `shape` renders them: the same body
// as page_response(page, render, codec), without building a value tree.
template <class T>
Response page_response(const Page<T>& page, const JsonShape<T>& shape, const CursorCodec& codec) {
  PageBodyWriter<T> body(shape, page.items.size());
  for (const T& item : page.items) body.add(item);
  return body.finish(page.next, codec);
}

// The documented query parameters of a paginated list, plus any filters.
std::vector<QueryParam> page_query(std::vector<QueryParam> filters = {});

}  // namespace deltalabs::http
