#pragma once

#include <string_view>
#include <vector>

namespace deltalabs::embedded {

// A file compiled into the binary by cmake/EmbedFiles.cmake.
struct EmbeddedFile {
  std::string_view name;
  std::string_view contents;
};

// The files of migrations/, sorted by name.
const std::vector<EmbeddedFile>& deltalabs_migrations_embedded();

}  // namespace deltalabs::embedded
