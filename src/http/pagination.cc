#include "http/pagination.h"

#include <charconv>

namespace deltalabs::http {

Result<PageRequest> read_page_request(const Request& req, const CursorCodec& codec) {
  PageRequest page;
  if (auto limit = req.query("limit")) {
    int n = 0;
    const auto [ptr, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
    if (ec != std::errc{} || ptr != limit->data() + limit->size() || n < 1 || n > 100) {
      return Error::invalid("The query is not valid.",
                            {{"limit", "must be an integer from 1 to 100"}});
    }
    page.limit = n;
  }
  if (auto cursor = req.query("cursor"); cursor && !cursor->empty()) {
    DL_ASSIGN_OR_RETURN(page.after, codec.decode(*cursor));
  }
  return page;
}

boost::json::object page_body(boost::json::array items, const std::optional<std::string>& next,
                              const CursorCodec& codec) {
  boost::json::object body;
  body["items"] = std::move(items);
  body["next_cursor"] =
      next ? boost::json::value(codec.encode(*next)) : boost::json::value(nullptr);
  return body;
}

std::vector<QueryParam> page_query(std::vector<QueryParam> filters) {
  filters.push_back({.name = "limit",
                     .type = "integer",
                     .description = "Items per page, 1 to 100 (default 20)",
                     .minimum = 1,
                     .maximum = 100});
  filters.push_back({"cursor", "string", "The next_cursor of the previous page"});
  return filters;
}

}  // namespace deltalabs::http
