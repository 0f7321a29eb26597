#include "identity/role_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

// Enough for "every permission" of a role in one read.
constexpr int kAllRows = 100000;

RolePermission grant_from(const Row& r) {
  Permission p{r.text(0), r.text(1), r.text(2), r.text(3),
               r.text(4), r.text(5), r.text(6), r.text(7)};
  return RolePermission{std::move(p), r.text(8)};
}

Error slug_taken() {
  return Error::conflict("SLUG_TAKEN", "A role with that slug already exists.");
}

}  // namespace

Result<std::string> RoleRepository::insert(Connection& c, const RoleInput& role) {
  const std::string id = new_uuid_v7();
  DL_TRY(execute_or_conflict(
      c, sql::kInsertRole,
      {id, role.slug, role.name, role.description.value_or(""), format_rfc3339(now())},
      storage_code::kUniqueViolation, slug_taken()));
  return id;
}

Status RoleRepository::update(Connection& c, const std::string& id, const RoleInput& change) {
  DL_TRY(
      execute_or_conflict(c, sql::kUpdateRole,
                          {id, change.slug, change.name, change.description, format_rfc3339(now())},
                          storage_code::kUniqueViolation, slug_taken()));
  return {};
}

Status RoleRepository::remove(Connection& c, const std::string& id) {
  DL_TRY(c.execute(sql::kDeleteRole, {id}));
  return {};
}

Result<Page<RolePermission>> RoleRepository::permissions(Connection& c, const std::string& role_id,
                                                         const PageRequest& page) {
  return query_page(c, sql::kListRolePermissions, {role_id}, page, grant_from,
                    [](const RolePermission& g) { return g.permission.id; });
}

Result<std::vector<RolePermission>> RoleRepository::all_permissions(Connection& c,
                                                                    const std::string& role_id) {
  DL_ASSIGN_OR_RETURN(auto page, permissions(c, role_id, PageRequest{kAllRows, ""}));
  return std::move(page.items);
}

Result<std::vector<std::string>> RoleRepository::permission_ids(Connection& c,
                                                                const std::string& role_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectRolePermissionIds, {role_id}));
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].text(0));
  return ids;
}

Result<RolePermission> RoleRepository::grant_of(Connection& c, const std::string& role_id,
                                                const std::string& permission_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectRolePermission, {role_id, permission_id}));
  if (rows.empty()) return Error::not_found("permission grant");
  return grant_from(rows[0]);
}

Status RoleRepository::grant(Connection& c, const std::string& role_id,
                             const std::string& permission_id) {
  auto granted =
      c.execute(sql::kInsertRolePermission, {role_id, permission_id, format_rfc3339(now())});
  if (!granted.ok()) {
    if (granted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("ALREADY_GRANTED", "The role already grants that permission.");
    }
    return std::move(granted).error();
  }
  return {};
}

Result<bool> RoleRepository::revoke(Connection& c, const std::string& role_id,
                                    const std::string& permission_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t n,
                      c.execute(sql::kDeleteRolePermission, {role_id, permission_id}));
  return n > 0;
}

Result<std::optional<std::string>> RoleRepository::id_by_slug(Connection& c,
                                                              const std::string& slug) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectRoleIdBySlug, {slug}));
  if (rows.empty()) return std::optional<std::string>{};
  return std::optional<std::string>{rows[0].text(0)};
}

Status RoleRepository::lock(Connection& c, const std::string& slug) {
  DL_TRY(c.execute(sql::kLockRoleBySlug, {slug}));
  return {};
}

Result<std::int64_t> RoleRepository::active_holders(Connection& c, const std::string& slug,
                                                    const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountActiveRoleHolders, {slug, user_id}));
  return rows[0].integer(0);
}

Result<std::vector<std::string>> RoleRepository::permissions_beyond(
    Connection& c, const std::string& role_id, const std::string& user_id,
    const std::string& organization_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectPermissionsBeyondActor,
                                           {role_id, user_id, organization_id}));
  std::vector<std::string> slugs;
  for (std::size_t i = 0; i < rows.size(); ++i) slugs.push_back(rows[i].text(0));
  return slugs;
}

}  // namespace deltalabs::identity
