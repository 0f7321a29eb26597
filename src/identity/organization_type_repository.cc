#include "identity/organization_type_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"

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
  auto inserted =
      c.execute(sql::kInsertOrganizationType,
                {id, type.slug, type.name, type.description.value_or(""), format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) return slug_taken();
    return std::move(inserted).error();
  }
  return id;
}

Result<OrganizationType> OrganizationTypeRepository::find(Connection& c, const std::string& id) {
  return sql::kOrganizationTypeTable.find(c, id);
}

Result<Page<OrganizationType>> OrganizationTypeRepository::list(Connection& c,
                                                                const PageRequest& page) {
  return sql::kOrganizationTypeTable.page(c, sql::kListOrganizationTypes, {}, page);
}

Status OrganizationTypeRepository::update(Connection& c, const std::string& id,
                                          const OrganizationTypeInput& change) {
  auto updated =
      c.execute(sql::kUpdateOrganizationType,
                {id, change.slug, change.name, change.description, format_rfc3339(now())});
  if (!updated.ok()) {
    if (updated.error().code == storage_code::kUniqueViolation) return slug_taken();
    return std::move(updated).error();
  }
  return {};
}

Status OrganizationTypeRepository::remove(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet used, c.query(sql::kCountOrganizationsOfType, {id}));
  if (used[0].integer(0) > 0) return type_in_use();
  auto deleted = c.execute(sql::kDeleteOrganizationType, {id});
  if (!deleted.ok()) {
    // An organization created concurrently still references the type (ON DELETE RESTRICT).
    if (deleted.error().code == storage_code::kForeignKeyViolation) return type_in_use();
    return std::move(deleted).error();
  }
  return {};
}

}  // namespace deltalabs::identity
