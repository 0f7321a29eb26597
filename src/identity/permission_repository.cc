#include "identity/permission_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"

namespace deltalabs::identity {

Result<std::string> PermissionRepository::insert(Connection& c, const NewPermission& p) {
  const std::string id = new_uuid_v7();
  auto inserted = c.execute(sql::kInsertPermission, {id, p.slug, p.name, p.resource, p.action,
                                                     p.description, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("SLUG_TAKEN", "A permission with that slug already exists.");
    }
    return std::move(inserted).error();
  }
  return id;
}

Result<Permission> PermissionRepository::find(Connection& c, const std::string& id) {
  return sql::kPermissionTable.find(c, id);
}

Result<Page<Permission>> PermissionRepository::list(Connection& c,
                                                    const std::optional<std::string>& resource,
                                                    const PageRequest& page) {
  return sql::kPermissionTable.page(c, sql::kListPermissions, {resource}, page);
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
