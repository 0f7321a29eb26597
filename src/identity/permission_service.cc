#include "identity/permission_service.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "identity/input_rules.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

// 400 with a detail per problem: resource and action formats, and slug == resource:action.
Status check_new_permission(const NewPermission& p) {
  std::vector<FieldError> problems;
  if (auto e = permission_part_problem("resource", p.resource)) problems.push_back(*e);
  if (auto e = permission_part_problem("action", p.action)) problems.push_back(*e);
  if (p.slug != p.resource + ":" + p.action) {
    problems.push_back(
        {"slug", "must be resource:action, here '" + p.resource + ":" + p.action + "'"});
  }
  if (problems.empty()) return {};
  return Error::invalid("The request body is not valid.", std::move(problems));
}

// 409 PERMISSION_IN_USE while a role grants the permission.
Status remove_permission(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet grants, c.query(sql::kCountPermissionGrants, {id}));
  if (grants[0].integer(0) > 0) {
    return Error::conflict("PERMISSION_IN_USE",
                           "Roles still grant this permission; revoke it from them first.");
  }
  DL_TRY(c.execute(sql::kDeletePermission, {id}));
  return {};
}

}  // namespace

PermissionService::PermissionService(Database& db, const AuthorizationService& authz)
    : admin_(
          db, authz, "permissions", "permission", "permission",
          [](Connection& c, const std::string& id) { return sql::kPermissionTable.find(c, id); }) {}

Result<Page<Permission>> PermissionService::list(const Actor& actor,
                                                 const std::optional<std::string>& resource,
                                                 const PageRequest& page) {
  return admin_.list(actor, [&](Connection& c) {
    return sql::kPermissionTable.page(c, sql::kListPermissions, {resource}, page);
  });
}

Result<Permission> PermissionService::create(const Actor& actor, const NewPermission& input) {
  return admin_.create(
      actor, [&] { return check_new_permission(input); },
      [&](Connection& c) -> Result<std::string> {
        const std::string id = new_uuid_v7();
        DL_TRY(execute_or_conflict(
            c, sql::kInsertPermission,
            {id, input.slug, input.name, input.resource, input.action, input.description,
             format_rfc3339(now())},
            storage_code::kUniqueViolation,
            Error::conflict("SLUG_TAKEN", "A permission with that slug already exists.")));
        return id;
      },
      boost::json::serialize(boost::json::object{{"slug", input.slug}, {"name", input.name}}));
}

Result<Permission> PermissionService::get(const Actor& actor, const std::string& id) {
  return admin_.get(actor, id);
}

Result<Permission> PermissionService::update(const Actor& actor, const std::string& raw_id,
                                             const PermissionChange& change) {
  boost::json::object details;
  if (change.name) details["name"] = *change.name;
  if (change.description) details["description"] = *change.description;
  return admin_.update(
      actor, raw_id, nothing_to_check,
      [&](Connection& c, const Permission&, const std::string& id) -> Status {
        DL_TRY(c.execute(sql::kUpdatePermission,
                         {id, change.name, change.description, format_rfc3339(now())}));
        return {};
      },
      boost::json::serialize(details));
}

Status PermissionService::remove(const Actor& actor, const std::string& raw_id) {
  return admin_.remove(actor, raw_id, &remove_permission);
}

}  // namespace deltalabs::identity
