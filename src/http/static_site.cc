#include "http/static_site.h"

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>

#include "http/problem.h"

namespace deltalabs::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
    {".xml", "application/xml"},
}};

// Pre-compressed twins of a file (web/scripts/compress.mjs writes them), best first.
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kTwins = {{
    {"br", ".br"},
    {"gzip", ".gz"},
}};

std::string_view content_type(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The path with %XX decoded ('+' stays), or nullopt when an escape is broken.
std::optional<std::string> decode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      out += path[i];
      continue;
    }
    if (i + 2 >= path.size()) return std::nullopt;
    const int hi = hex_value(path[i + 1]);
    const int lo = hex_value(path[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// True when every segment of a decoded path is a plain name: no "." or "..",
// no empty one but the last, no backslash, NUL or control characters.
bool is_plain(std::string_view decoded) {
  if (decoded.empty() || decoded.front() != '/') return false;
  std::size_t start = 1;
  while (start <= decoded.size()) {
    const std::size_t end = std::min(decoded.find('/', start), decoded.size());
    const std::string_view seg = decoded.substr(start, end - start);
    if (seg == "." || seg == "..") return false;
    if (seg.empty() && end != decoded.size()) return false;  // "//": an empty segment
    start = end + 1;
  }
  for (char c : decoded) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return false;
  }
  return true;
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return body.str();
}

bool is_regular(const std::filesystem::path& file) {
  std::error_code ec;
  return std::filesystem::is_regular_file(file, ec);
}

// True when `coding` ("gzip", "br") is listed without q=0 (the common forms;
// a precise parse is not needed here).
bool accepts(std::string_view accept_encoding, std::string_view coding) {
  const auto at = accept_encoding.find(coding);
  if (at == std::string_view::npos) return false;
  const auto next = accept_encoding.find(',', at);
  const std::string_view item = accept_encoding.substr(at, next - at);
  return item.find("q=0") == std::string_view::npos || item.find("q=0.") != std::string_view::npos;
}

bool starts_with_segment(std::string_view path, std::string_view prefix) {
  return path.substr(0, prefix.size()) == prefix &&
         (path.size() == prefix.size() || path[prefix.size()] == '/');
}

}  // namespace

bool is_reserved_path(std::string_view path) {
  for (std::string_view prefix : {"/v1", "/docs", "/health", "/metrics"}) {
    if (starts_with_segment(path, prefix)) return true;
  }
  return false;
}

std::optional<StaticSite> StaticSite::open(const std::filesystem::path& root) {
  std::error_code ec;
  const auto canonical = std::filesystem::canonical(root, ec);
  if (ec || !is_regular(canonical / "index.html")) return std::nullopt;
  return StaticSite(canonical);
}

std::optional<Response> StaticSite::serve(const Request& req) const {
  if (req.method != Method::kGet && req.method != Method::kHead) return std::nullopt;
  if (is_reserved_path(req.path)) return std::nullopt;
  const auto decoded = decode_path(req.path);
  if (!decoded || !is_plain(*decoded) || is_reserved_path(*decoded)) {
    return problem_response(
        {ErrorKind::kNotFound, "ROUTE_NOT_FOUND", "No resource lives at this path.", {}, {}},
        req.request_id);
  }
  const bool asset = starts_with_segment(*decoded, "/assets");
  std::filesystem::path file = root_ / std::filesystem::path(decoded->substr(1)).relative_path();
  if (decoded->back() == '/' || !is_regular(file)) {
    // A missing hashed asset is a stale page, not a route of the app.
    if (asset) {
      return problem_response(
          {ErrorKind::kNotFound, "ROUTE_NOT_FOUND", "No resource lives at this path.", {}, {}},
          req.request_id);
    }
    file = root_ / "index.html";
  }
  // Symbolic links inside the folder must not lead out of it.
  std::error_code ec;
  const auto real = std::filesystem::canonical(file, ec);
  const auto rel = real.lexically_relative(root_);
  if (ec || rel.empty() || *rel.begin() == "..") {
    return problem_response(
        {ErrorKind::kNotFound, "ROUTE_NOT_FOUND", "No resource lives at this path.", {}, {}},
        req.request_id);
  }
  // The smallest twin the client accepts: brotli, then gzip, then the file.
  std::optional<std::string> body;
  std::string_view encoding;
  for (const auto& [coding, suffix] : kTwins) {
    if (!accepts(req.header("Accept-Encoding"), coding)) continue;
    const std::filesystem::path twin = real.string() + std::string(suffix);
    if (is_regular(twin) && (body = read_file(twin))) {
      encoding = coding;
      break;
    }
  }
  if (!body) body = read_file(real);
  if (!body) {
    return problem_response(Error::internal("cannot read " + real.string()), req.request_id);
  }
  Response r = Response::text(200, std::move(*body), std::string(content_type(real)));
  r.header("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.header("Vary", "Accept-Encoding");
  r.header("X-Content-Type-Options", "nosniff");
  if (!encoding.empty()) r.header("Content-Encoding", std::string(encoding));
  return r;
}

}  // namespace deltalabs::http
