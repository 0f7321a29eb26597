#pragma once

#include <optional>
#include <string>

#include "assessment/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::assessment {

// A filter of a course's appeals.
struct AppealFilter {
  std::string user_id;  // one learner's, or everyone's when empty
  std::string status;   // one status, or all when empty
};

// Rows of appeals. At most one open appeal per grade item (a partial unique index).
class AppealRepository {
 public:
  // Opens an appeal and returns its id; 409 APPEAL_ALREADY_OPEN when the item has one.
  static Result<std::string> insert(Connection& c, const std::string& grade_item_id,
                                    const std::string& user_id, const std::string& reason);
  // One appeal; 404 APPEAL_NOT_FOUND when absent.
  static Result<Appeal> find(Connection& c, const std::string& id);
  // A page of a course's appeals, oldest first.
  static Result<Page<Appeal>> list(Connection& c, const std::string& course_id,
                                   const AppealFilter& filter, const PageRequest& page);
  // Resolves an open appeal; false when it was resolved meanwhile.
  static Result<bool> resolve(Connection& c, const std::string& id,
                              const AppealResolution& resolution, const std::string& resolver);
};

}  // namespace deltalabs::assessment
