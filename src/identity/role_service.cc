#include "identity/role_service.h"

#include <boost/json.hpp>

#include <algorithm>

#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "identity/role_repository.h"
#include "identity/super_admin_guard.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {

boost::json::array json_ids(const std::vector<std::string>& ids) {
  boost::json::array a;
  for (const auto& id : ids) a.emplace_back(id);
  return a;
}

// {"slug": ..., "name": ...} of the fields a create or change sets.
std::string role_details(const RoleInput& input) {
  boost::json::object o;
  if (input.slug) o["slug"] = *input.slug;
  if (input.name) o["name"] = *input.name;
  if (input.description) o["description"] = *input.description;
  return boost::json::serialize(o);
}

Error system_role() {
  return Error::conflict("SYSTEM_ROLE", "A system role cannot be deleted or renamed.");
}

std::string grant_details(const Permission& p) {
  return boost::json::serialize(boost::json::object{{"permission_id", p.id}, {"slug", p.slug}});
}

// The canonical ids of one grant.
struct GrantIds {
  std::string role;
  std::string permission;
};

// 404 ROLE_NOT_FOUND or PERMISSION_NOT_FOUND for a malformed id, as for a missing one.
Result<GrantIds> grant_ids(const std::string& raw_id, const std::string& raw_permission_id) {
  if (!is_uuid(raw_id)) return Error::not_found("role");
  if (!is_uuid(raw_permission_id)) return Error::not_found("permission");
  return GrantIds{canonical_id(raw_id), canonical_id(raw_permission_id)};
}

}  // namespace

RoleService::RoleService(Database& db, const AuthorizationService& authz)
    : db_(db), admin_(db, authz, "roles", "role", "role", [](Connection& c, const std::string& id) {
        return sql::kRoleTable.find(c, id);
      }) {}

Result<Page<Role>> RoleService::list(const Actor& actor, const PageRequest& page) {
  return admin_.list(
      actor, [&](Connection& c) { return sql::kRoleTable.page(c, sql::kListRoles, {}, page); });
}

Result<Role> RoleService::create(const Actor& actor, const RoleInput& input) {
  return admin_.create(
      actor, [&] { return check_slug(input.slug); },
      [&](Connection& c) { return RoleRepository::insert(c, input); }, role_details(input));
}

Result<Role> RoleService::get(const Actor& actor, const std::string& id) {
  return admin_.get(actor, id);
}

Result<Role> RoleService::update(const Actor& actor, const std::string& raw_id,
                                 const RoleInput& change) {
  return admin_.update(
      actor, raw_id, [&] { return check_slug(change.slug); },
      [&](Connection& c, const Role& before, const std::string& id) -> Status {
        if (before.is_system && change.slug && *change.slug != before.slug) return system_role();
        return RoleRepository::update(c, id, change);
      },
      role_details(change));
}

Status RoleService::remove(const Actor& actor, const std::string& raw_id) {
  return admin_.remove(
      actor, raw_id,
      [](Connection& c, const Role& before, const std::string& id) -> Status {
        if (before.is_system) return system_role();
        return RoleRepository::remove(c, id);
      },
      [](const Role& before) {
        return boost::json::serialize(
            boost::json::object{{"slug", before.slug}, {"name", before.name}});
      });
}

Result<Page<RolePermission>> RoleService::permissions(const Actor& actor, const std::string& id,
                                                      const PageRequest& page) {
  DL_TRY(admin_.require(actor, "read"));
  if (!is_uuid(id)) return Error::not_found("role");
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_TRY(sql::kRoleTable.find(*conn, canonical_id(id)));
  return RoleRepository::permissions(*conn, canonical_id(id), page);
}

Result<std::vector<RolePermission>> RoleService::set_permissions(
    const Actor& actor, const std::string& raw_id, const std::vector<std::string>& permission_ids) {
  DL_TRY(admin_.require(actor, "update"));
  if (!is_uuid(raw_id)) return Error::not_found("role");
  const std::string id = canonical_id(raw_id);
  std::vector<std::string> wanted;
  for (const auto& p : permission_ids) wanted.push_back(canonical_id(p));
  return db_.transaction([&](Connection& c) -> Result<std::vector<RolePermission>> {
    DL_ASSIGN_OR_RETURN(Role role, sql::kRoleTable.find(c, id));
    std::vector<FieldError> unknown;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      auto found = sql::kPermissionTable.find(c, wanted[i]);
      if (found.ok()) continue;
      if (found.error().kind != ErrorKind::kNotFound) return std::move(found).error();
      unknown.push_back({"permission_ids[" + std::to_string(i) + "]",
                         "permission " + wanted[i] + " does not exist"});
    }
    if (!unknown.empty())
      return Error::invalid("The request body is not valid.", std::move(unknown));
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    DL_ASSIGN_OR_RETURN(std::vector<std::string> current, RoleRepository::permission_ids(c, id));
    std::sort(current.begin(), current.end());
    std::vector<std::string> added;
    std::vector<std::string> removed;
    std::set_difference(wanted.begin(), wanted.end(), current.begin(), current.end(),
                        std::back_inserter(added));
    std::set_difference(current.begin(), current.end(), wanted.begin(), wanted.end(),
                        std::back_inserter(removed));
    for (const auto& p : removed) {
      DL_ASSIGN_OR_RETURN(Permission permission, sql::kPermissionTable.find(c, p));
      DL_TRY(SuperAdminGuard::check_revocable(role, permission));
      DL_TRY(RoleRepository::revoke(c, id, p));
    }
    for (const auto& p : added) DL_TRY(RoleRepository::grant(c, id, p));
    DL_TRY(AuditLog::record(
        c, actor,
        {"role.permissions_changed", "role", id,
         boost::json::serialize(boost::json::object{{"permission_ids", json_ids(wanted)},
                                                    {"added", json_ids(added)},
                                                    {"removed", json_ids(removed)}})}));
    return RoleRepository::all_permissions(c, id);
  });
}

Result<RolePermission> RoleService::grant(const Actor& actor, const std::string& raw_id,
                                          const std::string& raw_permission_id) {
  DL_TRY(admin_.require(actor, "update"));
  DL_ASSIGN_OR_RETURN(GrantIds ids, grant_ids(raw_id, raw_permission_id));
  const std::string& id = ids.role;
  const std::string& permission_id = ids.permission;
  return db_.transaction([&](Connection& c) -> Result<RolePermission> {
    DL_TRY(sql::kRoleTable.find(c, id));
    DL_ASSIGN_OR_RETURN(Permission p, sql::kPermissionTable.find(c, permission_id));
    DL_TRY(RoleRepository::grant(c, id, permission_id));
    DL_TRY(AuditLog::record(c, actor, {"role.permission_granted", "role", id, grant_details(p)}));
    return RoleRepository::grant_of(c, id, permission_id);
  });
}

Status RoleService::revoke(const Actor& actor, const std::string& raw_id,
                           const std::string& raw_permission_id) {
  DL_TRY(admin_.require(actor, "update"));
  DL_ASSIGN_OR_RETURN(GrantIds ids, grant_ids(raw_id, raw_permission_id));
  const std::string& id = ids.role;
  const std::string& permission_id = ids.permission;
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(Role role, sql::kRoleTable.find(c, id));
    DL_ASSIGN_OR_RETURN(Permission p, sql::kPermissionTable.find(c, permission_id));
    DL_TRY(SuperAdminGuard::check_revocable(role, p));
    DL_ASSIGN_OR_RETURN(bool revoked, RoleRepository::revoke(c, id, permission_id));
    if (!revoked) return Error::not_found("permission grant");
    return AuditLog::record(c, actor, {"role.permission_revoked", "role", id, grant_details(p)});
  });
}

}  // namespace deltalabs::identity
