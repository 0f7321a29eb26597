#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace deltalabs::http {

// The built web app (web/dist) served at `/`: a GET or HEAD outside the API
// paths gets the file it names, or index.html when it names none (the SPA
// fallback); files under /assets/ (content-hashed) are cached for a year;
// a file's `.br` (or `.gz`) twin is sent to clients that accept brotli (or
// gzip). Thread-safe.
class StaticSite {
 public:
  // The site of `root`, or nullopt when `root` holds no index.html.
  static std::optional<StaticSite> open(const std::filesystem::path& root);

  // The answer to a request that matched no route, or nullopt when the request
  // is not the site's (API paths, other methods): those keep their 404/405.
  std::optional<Response> serve(const Request& req) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticSite(std::filesystem::path root) : root_(std::move(root)) {}

  std::filesystem::path root_;  // canonical
};

// True for paths the API, the docs and the operations routes own (/v1, /docs,
// /health, /metrics and below): never answered by the web app.
bool is_reserved_path(std::string_view path);

}  // namespace deltalabs::http
