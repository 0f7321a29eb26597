#pragma once

#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Rows of hosts.
class HostRepository {
 public:
  // One host; 404 HOST_NOT_FOUND when absent.
  static Result<Host> find(Connection& c, const std::string& id);
  // The host that stands for the user, if any.
  static Result<std::optional<Host>> of_user(Connection& c, const std::string& user_id);
  // The host that stands for the organization, if any.
  static Result<std::optional<Host>> of_organization(Connection& c,
                                                     const std::string& organization_id);
  // A page of hosts in id order.
  static Result<Page<Host>> list(Connection& c, const PageRequest& page);
  // Inserts a host (exactly one of user_id and organization_id set) and returns its id.
  static Result<std::string> insert(Connection& c, const std::optional<std::string>& user_id,
                                    const HostInput& input, const std::string& created_by);
};

}  // namespace deltalabs::labs
