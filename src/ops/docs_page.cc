#include "ops/docs_page.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/string_map.h"

namespace deltalabs::ops {

namespace {

struct Asset {
  std::string body;
  std::string type;
};

constexpr std::array<std::pair<const char*, const char*>, 4> kAssets = {{
    {"swagger-ui.css", "text/css; charset=utf-8"},
    {"swagger-ui-bundle.js", "application/javascript; charset=utf-8"},
    {"swagger-ui-standalone-preset.js", "application/javascript; charset=utf-8"},
    {"favicon-32x32.png", "image/png"},
}};

std::filesystem::path find_assets_dir(const std::string& configured) {
  std::vector<std::filesystem::path> candidates;
  if (!configured.empty()) candidates.emplace_back(configured);
  candidates.emplace_back("node_modules/swagger-ui-dist");
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / "node_modules/swagger-ui-dist");
    candidates.push_back(exe.parent_path().parent_path() / "node_modules/swagger-ui-dist");
  }
  for (const auto& c : candidates) {
    if (std::filesystem::exists(c / "swagger-ui-bundle.js", ec)) return c;
  }
  return {};
}

constexpr const char* kPage = R"(<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Delta Labs API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({url: '/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout'});
  </script>
</body>
</html>
)";

}  // namespace

void register_docs_routes(http::Router& router, const std::string& assets_dir) {
  using http::Method;
  using http::Request;
  using http::Response;
  auto assets = std::make_shared<StringMap<Asset>>();
  if (const auto dir = find_assets_dir(assets_dir); !dir.empty()) {
    for (const auto& [name, type] : kAssets) {
      std::ifstream in(dir / name, std::ios::binary);
      std::ostringstream body;
      body << in.rdbuf();
      if (in) (*assets)[name] = {body.str(), type};
    }
  }

  router.add({.method = Method::kGet,
              .path = "/docs",
              .handler = [](Request&) -> Result<Response> {
                return Response::text(200, kPage, "text/html; charset=utf-8");
              },
              .summary = "Interactive API documentation (Swagger UI)",
              .tag = "Operations",
              .produces = "text/html"});

  router.add({.method = Method::kGet,
              .path = "/docs/:asset",
              .handler = [assets](Request& req) -> Result<Response> {
                auto it = assets->find(req.param("asset"));
                if (it == assets->end()) return Error::not_found("documentation asset");
                return Response::text(200, it->second.body, it->second.type)
                    .header("Cache-Control", "public, max-age=86400");
              },
              .summary = "A static file of the documentation page",
              .tag = "Operations",
              .responses = {200, 404},
              .produces = "text/css",
              .also_produces = {"application/javascript", "image/png"}});
}

}  // namespace deltalabs::ops
