#include "identity/organization_type_service.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

std::string type_details(const OrganizationTypeInput& input) {
  boost::json::object o;
  if (input.slug) o["slug"] = *input.slug;
  if (input.name) o["name"] = *input.name;
  if (input.description) o["description"] = *input.description;
  return boost::json::serialize(o);
}

Error slug_taken() {
  return Error::conflict("SLUG_TAKEN", "An organization type with that slug already exists.");
}

Error type_in_use() {
  return Error::conflict("TYPE_IN_USE",
                         "Organizations still use this type; move or delete them first.");
}

// 409 TYPE_IN_USE while organizations use the type.
Status remove_type(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet used, c.query(sql::kCountOrganizationsOfType, {id}));
  if (used[0].integer(0) > 0) return type_in_use();
  // An organization created concurrently still references the type (ON DELETE RESTRICT).
  DL_TRY(execute_or_conflict(c, sql::kDeleteOrganizationType, {id},
                             storage_code::kForeignKeyViolation, type_in_use()));
  return {};
}

}  // namespace

OrganizationTypeService::OrganizationTypeService(Database& db, const AuthorizationService& authz)
    : admin_(db, authz, "organization_types", "organization_type", "organization type",
             [](Connection& c, const std::string& id) {
               return sql::kOrganizationTypeTable.find(c, id);
             }) {}

Result<Page<OrganizationType>> OrganizationTypeService::list(const Actor& actor,
                                                             const PageRequest& page) {
  return admin_.list(actor, [&](Connection& c) {
    return sql::kOrganizationTypeTable.page(c, sql::kListOrganizationTypes, {}, page);
  });
}

Result<OrganizationType> OrganizationTypeService::create(const Actor& actor,
                                                         const OrganizationTypeInput& input) {
  return admin_.create(
      actor, [&] { return check_slug(input.slug); },
      [&](Connection& c) -> Result<std::string> {
        const std::string id = new_uuid_v7();
        DL_TRY(execute_or_conflict(
            c, sql::kInsertOrganizationType,
            {id, input.slug, input.name, input.description.value_or(""), format_rfc3339(now())},
            storage_code::kUniqueViolation, slug_taken()));
        return id;
      },
      type_details(input));
}

Result<OrganizationType> OrganizationTypeService::get(const Actor& actor, const std::string& id) {
  return admin_.get(actor, id);
}

Result<OrganizationType> OrganizationTypeService::update(const Actor& actor,
                                                         const std::string& raw_id,
                                                         const OrganizationTypeInput& change) {
  return admin_.update(
      actor, raw_id, [&] { return check_slug(change.slug); },
      [&](Connection& c, const OrganizationType&, const std::string& id) -> Status {
        DL_TRY(execute_or_conflict(
            c, sql::kUpdateOrganizationType,
            {id, change.slug, change.name, change.description, format_rfc3339(now())},
            storage_code::kUniqueViolation, slug_taken()));
        return {};
      },
      type_details(change));
}

Status OrganizationTypeService::remove(const Actor& actor, const std::string& raw_id) {
  return admin_.remove(actor, raw_id, &remove_type);
}

}  // namespace deltalabs::identity
