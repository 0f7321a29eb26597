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

// 200 with a page of items written as `shape` renders them: the same body
// as page_response(page, render, codec), without building a value tree.
template <class T>
Response page_response(const Page<T>& page, const JsonShape<T>& shape, const CursorCodec& codec) {
  // Sized from the pages of T written before, so the body is allocated once.
  static std::atomic<std::size_t> item_bytes{512};
  std::string body;
  body.reserve(64 + page.items.size() * item_bytes.load(std::memory_order_relaxed));
  body += R"({"items":[)";
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    if (i) body += ',';
    shape.write(page.items[i], body);
  }
  body += R"(],"next_cursor":)";
  append_json(body,
              page.next ? std::optional<std::string>(codec.encode(*page.next)) : std::nullopt);
  body += '}';
  if (!page.items.empty())
    item_bytes.store(body.size() / page.items.size() + 64, std::memory_order_relaxed);
  return Response::text(200, std::move(body), "application/json");
}

// The documented query parameters of a paginated list, plus any filters.
std::vector<QueryParam> page_query(std::vector<QueryParam> filters = {});

}  // namespace deltalabs::http
