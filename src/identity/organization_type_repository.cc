#include "identity/organization_type_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

Error slug_taken() {
  return Error::conflict("SLUG_TAKEN", "An organization type with that slug already exists.");
}

Error type_in_use() {
  return Error::conflict("TYPE_IN_USE",
                         "Organizations still use this type; move or delete them first.");
}

}  // namespace

Result<std::string> OrganizationTypeRepository::insert(Connection& c,
                                                       const OrganizationTypeInput& type) {
  const std::string id = new_uuid_v7();
  DL_TRY(execute_or_conflict(
      c, sql::kInsertOrganizationType,
      {id, type.slug, type.name, type.description.value_or(""), format_rfc3339(now())},
      storage_code::kUniqueViolation, slug_taken()));
  return id;
}

Status OrganizationTypeRepository::update(Connection& c, const std::string& id,
                                          const OrganizationTypeInput& change) {
  DL_TRY(
      execute_or_conflict(c, sql::kUpdateOrganizationType,
                          {id, change.slug, change.name, change.description, format_rfc3339(now())},
                          storage_code::kUniqueViolation, slug_taken()));
  return {};
}

Status OrganizationTypeRepository::remove(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet used, c.query(sql::kCountOrganizationsOfType, {id}));
  if (used[0].integer(0) > 0) return type_in_use();
  // An organization created concurrently still references the type (ON DELETE RESTRICT).
  DL_TRY(execute_or_conflict(c, sql::kDeleteOrganizationType, {id},
                             storage_code::kForeignKeyViolation, type_in_use()));
  return {};
}

}  // namespace deltalabs::identity
