#pragma once

#include <string>
#include <vector>

#include "catalog/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::catalog {

// Instructor profiles: public to read; holders of catalog:manage create them
// for anyone, and a user who may create courses creates their own.
class InstructorService {
 public:
  InstructorService(Database& db, const identity::AuthorizationService& authz)
      : db_(db), authz_(authz) {}

  // A page of profiles (public).
  Result<Page<Instructor>> list(const PageRequest& page);
  // Creates a profile; 400 for an unknown user, 403, 409 INSTRUCTOR_EXISTS.
  Result<Instructor> create(const Actor& actor, const InstructorInput& input);
  // The actor's own profile, created on first use (inside the caller's transaction).
  static Result<Instructor> ensure_own(Connection& c, const std::string& user_id);

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
};

}  // namespace deltalabs::catalog
