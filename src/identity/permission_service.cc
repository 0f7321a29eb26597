#include "identity/permission_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "identity/input_rules.h"
#include "identity/permission_repository.h"
#include "platform/audit_log.h"

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

}  // namespace

Result<Page<Permission>> PermissionService::list(const Actor& actor,
                                                 const std::optional<std::string>& resource,
                                                 const PageRequest& page) {
  DL_TRY(authz_.require(actor, "permissions:list"));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return PermissionRepository::list(*conn, resource, page);
}

Result<Permission> PermissionService::create(const Actor& actor, const NewPermission& input) {
  DL_TRY(authz_.require(actor, "permissions:create"));
  DL_TRY(check_new_permission(input));
  return db_.transaction([&](Connection& c) -> Result<Permission> {
    DL_ASSIGN_OR_RETURN(std::string id, PermissionRepository::insert(c, input));
    DL_TRY(AuditLog::record(
        c, actor,
        {"permission.created", "permission", id,
         boost::json::serialize(boost::json::object{{"slug", input.slug}, {"name", input.name}})}));
    return PermissionRepository::find(c, id);
  });
}

Result<Permission> PermissionService::get(const Actor& actor, const std::string& id) {
  DL_TRY(authz_.require(actor, "permissions:read"));
  if (!is_uuid(id)) return Error::not_found("permission");
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return PermissionRepository::find(*conn, canonical_id(id));
}

Result<Permission> PermissionService::update(const Actor& actor, const std::string& raw_id,
                                             const PermissionChange& change) {
  DL_TRY(authz_.require(actor, "permissions:update"));
  if (!is_uuid(raw_id)) return Error::not_found("permission");
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Result<Permission> {
    DL_TRY(PermissionRepository::find(c, id));
    DL_TRY(PermissionRepository::update(c, id, change));
    boost::json::object details;
    if (change.name) details["name"] = *change.name;
    if (change.description) details["description"] = *change.description;
    DL_TRY(AuditLog::record(
        c, actor, {"permission.updated", "permission", id, boost::json::serialize(details)}));
    return PermissionRepository::find(c, id);
  });
}

Status PermissionService::remove(const Actor& actor, const std::string& raw_id) {
  DL_TRY(authz_.require(actor, "permissions:delete"));
  if (!is_uuid(raw_id)) return Error::not_found("permission");
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(Permission before, PermissionRepository::find(c, id));
    DL_TRY(PermissionRepository::remove(c, id));
    return AuditLog::record(c, actor,
                            {"permission.deleted", "permission", id,
                             boost::json::serialize(boost::json::object{{"slug", before.slug}})});
  });
}

}  // namespace deltalabs::identity
