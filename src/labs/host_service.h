#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/lab_access.h"
#include "labs/model.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Hosts: who offers labs. Anyone signed in may become a host for
// themselves; hosting for an organization needs labs:manage in it. Each user
// and each organization is a host at most once (409 HOST_EXISTS).
class HostService {
 public:
  HostService(Database& db, const LabAccess& access) : db_(db), access_(access) {}

  // A page of hosts (public).
  Result<Page<Host>> list(const PageRequest& page);
  // One host (public); 404 HOST_NOT_FOUND.
  Result<Host> get(const std::string& id);
  // Makes the actor, or the organization input names, a host.
  Result<Host> create(const Actor& actor, HostInput input);

 private:
  Database& db_;
  const LabAccess& access_;
};

}  // namespace deltalabs::labs
