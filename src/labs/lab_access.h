#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Who may do what to a lab, from data (no role names):
//  - managers edit the lab and its slots: the host's own user, or holders of
//    labs:manage in the host organization or the lab's organization (or above
//    them, or globally);
//  - approvers decide its pending bookings and see its bookings: managers,
//    and holders of labs:approve in the lab's (or host's) organization — the
//    organization's lab assistants — or globally.
// Permission questions go through identity's AuthorizationService, which
// borrows its own connection: ask them before opening a write transaction.
class LabAccess {
 public:
  explicit LabAccess(const identity::AuthorizationService& authz) : authz_(authz) {}

  // True when the actor may act for the host (its user, or labs:manage in its organization).
  Result<bool> acts_for(const Actor& actor, const Host& host) const;
  // True when the actor manages the lab.
  Result<bool> manages(const Actor& actor, const Host& host, const Lab& lab) const;
  // True when the actor may approve the lab's bookings.
  Result<bool> approves(const Actor& actor, const Host& host, const Lab& lab) const;
  // OK when the actor may place a lab in `organization_id`: labs:manage there.
  Status require_organization(const Actor& actor, const std::string& organization_id) const;

 private:
  const identity::AuthorizationService& authz_;
};

}  // namespace deltalabs::labs
