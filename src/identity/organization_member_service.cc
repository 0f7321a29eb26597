#include "identity/organization_member_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "identity/input_rules.h"
#include "identity/organization_member_repository.h"
#include "identity/organization_repository.h"
#include "identity/role_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {

constexpr const char* kPermission = "organizations:members";

Status require_organization(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(bool exists, OrganizationRepository::exists(c, id));
  if (!exists) return Error::not_found("organization");
  return {};
}

// 403 when `role_id` grants something the actor holds neither globally nor in the organization.
Status require_within_reach(Connection& c, const Actor& actor, const std::string& role_id,
                            const std::string& organization_id) {
  DL_ASSIGN_OR_RETURN(
      auto beyond, RoleRepository::permissions_beyond(c, role_id, actor.user_id, organization_id));
  if (beyond.empty()) return {};
  std::string list;
  for (const auto& slug : beyond) list += (list.empty() ? "" : ", ") + slug;
  return Error::forbidden("That role grants permissions you do not hold here: " + list + ".",
                          "ROLE_BEYOND_YOUR_PERMISSIONS");
}

std::string member_details(const std::string& user_id, const std::optional<RoleRef>& role) {
  boost::json::object o{{"user_id", user_id}};
  o["role_id"] = role ? boost::json::value(role->id) : nullptr;
  return boost::json::serialize(o);
}

}  // namespace

Result<Page<Membership>> OrganizationMemberService::list(const Actor& actor,
                                                         const std::string& raw_org_id,
                                                         const PageRequest& page) {
  if (!is_uuid(raw_org_id)) return Error::not_found("organization");
  const std::string org_id = canonical_id(raw_org_id);
  DL_TRY(authz_.require(actor, kPermission, org_id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_TRY(require_organization(*conn, org_id));
  return OrganizationMemberRepository::list(*conn, org_id, page);
}

Result<Membership> OrganizationMemberService::add(const Actor& actor, const std::string& raw_org_id,
                                                  const std::string& raw_user_id,
                                                  const std::optional<std::string>& raw_role_id) {
  if (!is_uuid(raw_org_id)) return Error::not_found("organization");
  const std::string org_id = canonical_id(raw_org_id);
  const std::string user_id = canonical_id(raw_user_id);
  const std::optional<std::string> role_id = canonical_optional_id(raw_role_id);
  DL_TRY(authz_.require(actor, kPermission, org_id));
  return db_.transaction([&](Connection& c) -> Result<Membership> {
    DL_TRY(require_organization(c, org_id));
    std::vector<FieldError> unknown;
    DL_ASSIGN_OR_RETURN(bool user_exists, OrganizationMemberRepository::user_exists(c, user_id));
    if (!user_exists) unknown.push_back({"user_id", "user " + user_id + " does not exist"});
    if (role_id) {
      auto role = sql::kRoleTable.find(c, *role_id);
      if (!role.ok() && role.error().kind != ErrorKind::kNotFound) return std::move(role).error();
      if (!role.ok()) unknown.push_back({"role_id", "role " + *role_id + " does not exist"});
    }
    if (!unknown.empty())
      return Error::invalid("The request body is not valid.", std::move(unknown));
    if (role_id) DL_TRY(require_within_reach(c, actor, *role_id, org_id));
    DL_TRY(OrganizationMemberRepository::insert(c, org_id, user_id, role_id));
    DL_ASSIGN_OR_RETURN(Membership added, OrganizationMemberRepository::find(c, org_id, user_id));
    DL_TRY(AuditLog::record(c, actor,
                            {"organization.member_added", "organization", org_id,
                             member_details(user_id, added.role)}));
    return added;
  });
}

Status OrganizationMemberService::remove(const Actor& actor, const std::string& raw_org_id,
                                         const std::string& raw_user_id) {
  if (!is_uuid(raw_org_id)) return Error::not_found("organization");
  const std::string org_id = canonical_id(raw_org_id);
  DL_TRY(authz_.require(actor, kPermission, org_id));
  if (!is_uuid(raw_user_id)) return Error::not_found("member");
  const std::string user_id = canonical_id(raw_user_id);
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(require_organization(c, org_id));
    DL_ASSIGN_OR_RETURN(Membership member, OrganizationMemberRepository::find(c, org_id, user_id));
    if (member.role) DL_TRY(require_within_reach(c, actor, member.role->id, org_id));
    DL_ASSIGN_OR_RETURN(bool removed, OrganizationMemberRepository::remove(c, org_id, user_id));
    if (!removed) return Error::not_found("member");
    return AuditLog::record(c, actor,
                            {"organization.member_removed", "organization", org_id,
                             member_details(user_id, member.role)});
  });
}

}  // namespace deltalabs::identity
