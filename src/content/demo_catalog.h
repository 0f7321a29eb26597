#pragma once

#include <string>

#include "catalog/catalog_module.h"
#include "content/content_module.h"
#include "core/actor.h"
#include "core/result.h"

namespace deltalabs::content {

// The demo catalog of `deltalabs seed --demo`: categories, levels, two
// instructor profiles and a dozen courses with sections and items, mostly
// published, all created through the services. Idempotent: reference data
// that exists is kept, and courses are only created on the first run.
class DemoCatalog {
 public:
  // Loads the catalog as `admin`, with the two given users as instructors.
  static Status load(catalog::CatalogModule& catalog, ContentModule& content, const Actor& admin,
                     const std::string& instructor_user_id,
                     const std::string& second_instructor_user_id);
};

}  // namespace deltalabs::content
