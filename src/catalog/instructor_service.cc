#include "catalog/instructor_service.h"

#include "catalog/instructor_repository.h"
#include "core/uuid.h"

namespace deltalabs::catalog {

Result<Page<Instructor>> InstructorService::list(const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return InstructorRepository::list(*conn, page);
}

Result<Instructor> InstructorService::create(const Actor& actor, const InstructorInput& input) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(bool manager, authz_.allows(actor, "catalog:manage"));
  if (!manager) {
    DL_ASSIGN_OR_RETURN(bool author, authz_.allows(actor, "courses:create"));
    if (!author || input.user_id != actor.user_id) {
      return Error::forbidden(
          "You need the permission 'catalog:manage' to create other users' profiles.");
    }
  }
  return db_.transaction([&](Connection& c) -> Result<Instructor> {
    DL_ASSIGN_OR_RETURN(bool known, InstructorRepository::user_exists(c, input.user_id));
    if (!known)
      return Error::invalid("The request body is not valid.", {{"user_id", "no user has this id"}});
    DL_ASSIGN_OR_RETURN(std::string id, InstructorRepository::insert(c, input));
    return InstructorRepository::find(c, id);
  });
}

Result<Instructor> InstructorService::ensure_own(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(auto existing, InstructorRepository::find_by_user(c, user_id));
  if (existing) return std::move(*existing);
  DL_ASSIGN_OR_RETURN(std::string id, InstructorRepository::insert(c, {user_id, "", ""}));
  return InstructorRepository::find(c, id);
}

}  // namespace deltalabs::catalog
