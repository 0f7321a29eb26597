#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "app/application.h"
#include "app/cli.h"
#include "ops/data_model_document.h"
#include "storage/migrator.h"
#include "storage/schema_catalog.h"

namespace deltalabs {

namespace {

void print_error(const Error& e) {
  std::cerr << "deltalabs: " << e.message << (e.cause.empty() ? "" : " (" + e.cause + ")") << "\n";
}

// Writes `text` to `path` through a temporary file, so readers never see half a document.
bool write_file(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) std::filesystem::remove(temporary, ec);
  return !ec;
}

}  // namespace

Command schema_command(CLI::App& app, const Config& config) {
  CLI::App* cmd = app.add_subcommand(
      "schema",
      "Migrate the database and print the data-model document generated from its catalog");
  auto format = std::make_shared<std::string>("markdown");
  auto output = std::make_shared<std::string>();
  cmd->add_option("--format", *format,
                  "markdown (docs/data-model.md), mermaid (ER diagram only) or json")
      ->check(CLI::IsMember({"markdown", "mermaid", "json"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", *output, "Write the document to FILE instead of standard output");
  return {cmd, [&config, format, output] {
            const auto chosen = ops::DataModelDocument::parse_format(*format);
            if (!chosen) {
              std::cerr << "deltalabs: unknown format '" << *format << "'\n";
              return 2;
            }
            auto db = open_configured_database(config);
            if (!db.ok()) return print_error(db.error()), 1;
            Migrator migrator(**db);
            if (auto migrated = migrator.migrate(); !migrated.ok()) {
              return print_error(migrated.error()), 1;
            }
            auto conn = (*db)->read();
            if (!conn.ok()) return print_error(conn.error()), 1;
            auto catalog = read_schema_catalog(**conn);
            if (!catalog.ok()) return print_error(catalog.error()), 1;
            std::string text = ops::DataModelDocument(std::move(catalog).value()).render(*chosen);
            if (*chosen == ops::DataModelDocument::Format::kJson) text += "\n";
            if (output->empty()) {
              std::cout << text << std::flush;
              return std::cout ? 0 : 1;
            }
            if (!write_file(*output, text)) {
              std::cerr << "deltalabs: cannot write " << *output << "\n";
              return 1;
            }
            return 0;
          }};
}

}  // namespace deltalabs
