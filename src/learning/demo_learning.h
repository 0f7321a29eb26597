#pragma once

#include <string>
#include <vector>

#include "catalog/catalog_module.h"
#include "content/content_module.h"
#include "learning/learning_module.h"

namespace deltalabs::learning {

// The learners of `deltalabs seed --demo`: each enrolls in some free courses
// of the demo catalog, works through part of them (the first learner
// finishes one), and wishes for a paid course, all through the services.
// Idempotent: what a learner already has is kept.
class DemoLearning {
 public:
  // Loads progress for the given learner user ids over the published catalog.
  static Status load(catalog::CatalogModule& catalog, content::ContentModule& content,
                     LearningModule& learning, const std::vector<std::string>& learner_ids);
};

}  // namespace deltalabs::learning
