#include <boost/json.hpp>

#include <iostream>

#include "app/application.h"
#include "app/cli.h"
#include "http/openapi.h"

namespace deltalabs {

Command routes_command(CLI::App& app, const Config& config) {
  CLI::App* cmd =
      app.add_subcommand("routes", "Print every route as METHOD PATH (what the router serves)");
  return {cmd, [&config] {
            auto built = Application::create(config, Application::Purpose::kInspect);
            if (!built.ok()) {
              std::cerr << "deltalabs: " << built.error().message << "\n";
              return 1;
            }
            for (const auto& r : (*built)->router().routes()) {
              std::cout << http::method_name(r.method) << " " << r.path << "\n";
            }
            return 0;
          }};
}

}  // namespace deltalabs
