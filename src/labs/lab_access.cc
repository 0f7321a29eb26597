#include "labs/lab_access.h"

namespace deltalabs::labs {

Result<bool> LabAccess::acts_for(const Actor& actor, const Host& host) const {
  if (!actor.authenticated()) return false;
  if (host.user_id) return *host.user_id == actor.user_id;
  return authz_.allows(actor, "labs:manage", host.organization_id);
}

Result<bool> LabAccess::manages(const Actor& actor, const Host& host, const Lab& lab) const {
  DL_ASSIGN_OR_RETURN(bool host_side, acts_for(actor, host));
  if (host_side || !actor.authenticated()) return host_side;
  return authz_.allows(actor, "labs:manage", lab.organization_id);
}

Result<bool> LabAccess::approves(const Actor& actor, const Host& host, const Lab& lab) const {
  DL_ASSIGN_OR_RETURN(bool manager, manages(actor, host, lab));
  if (manager || !actor.authenticated()) return manager;
  DL_ASSIGN_OR_RETURN(bool in_lab_org, authz_.allows(actor, "labs:approve", lab.organization_id));
  if (in_lab_org || !host.organization_id) return in_lab_org;
  return authz_.allows(actor, "labs:approve", host.organization_id);
}

Status LabAccess::require_organization(const Actor& actor,
                                       const std::string& organization_id) const {
  DL_ASSIGN_OR_RETURN(bool allowed, authz_.allows(actor, "labs:manage", organization_id));
  if (!allowed)
    return Error::forbidden("Placing a lab in an organization needs labs:manage there.");
  return {};
}

}  // namespace deltalabs::labs
