#include "identity/permission_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

Result<std::string> PermissionRepository::insert(Connection& c, const NewPermission& p) {
  const std::string id = new_uuid_v7();
  DL_TRY(execute_or_conflict(
      c, sql::kInsertPermission,
      {id, p.slug, p.name, p.resource, p.action, p.description, format_rfc3339(now())},
      storage_code::kUniqueViolation,
      Error::conflict("SLUG_TAKEN", "A permission with that slug already exists.")));
  return id;
}

Status PermissionRepository::update(Connection& c, const std::string& id,
                                    const PermissionChange& change) {
  DL_TRY(c.execute(sql::kUpdatePermission,
                   {id, change.name, change.description, format_rfc3339(now())}));
  return {};
}

Status PermissionRepository::remove(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet grants, c.query(sql::kCountPermissionGrants, {id}));
  if (grants[0].integer(0) > 0) {
    return Error::conflict("PERMISSION_IN_USE",
                           "Roles still grant this permission; revoke it from them first.");
  }
  DL_TRY(c.execute(sql::kDeletePermission, {id}));
  return {};
}

}  // namespace deltalabs::identity
