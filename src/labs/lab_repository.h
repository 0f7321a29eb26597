#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Rows of labs.
class LabRepository {
 public:
  // One lab; 404 LAB_NOT_FOUND when absent.
  static Result<Lab> find(Connection& c, const std::string& id);
  // A page of active labs matching `search`, in id order; `now` decides which
  // slots have not started and which payment holds have run out.
  static Result<Page<Lab>> search(Connection& c, const LabSearch& search, TimePoint now,
                                  const PageRequest& page);
  // Inserts a lab of the host and returns its id.
  static Result<std::string> insert(Connection& c, const std::string& host_id, const Lab& lab);
  // Writes every editable field of `lab`.
  static Status update(Connection& c, const Lab& lab);
  // How many labs the user hosts.
  static Result<std::int64_t> count_hosted_by(Connection& c, const std::string& user_id);
};

}  // namespace deltalabs::labs
