#include "identity/organization_member_repository.h"

#include "core/clock.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

Membership membership_from(const Row& r) {
  Membership m;
  m.organization_id = r.text(0);
  m.user = MemberUser{r.text(1), r.text(2), r.optional_text(3), r.text(4), r.text(5)};
  if (!r.is_null(6)) m.role = RoleRef{r.text(6), r.text(7), r.text(8)};
  m.joined_at = r.text(9);
  return m;
}

}  // namespace

Status OrganizationMemberRepository::insert(Connection& c, const std::string& organization_id,
                                            const std::string& user_id,
                                            const std::optional<std::string>& role_id) {
  DL_TRY(execute_or_conflict(
      c, sql::kInsertMembership, {user_id, organization_id, role_id, format_rfc3339(now())},
      storage_code::kUniqueViolation,
      Error::conflict("ALREADY_MEMBER", "The user is already a member of this organization.")));
  return {};
}

Result<Membership> OrganizationMemberRepository::find(Connection& c,
                                                      const std::string& organization_id,
                                                      const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectMembership, {organization_id, user_id}));
  if (rows.empty()) return Error::not_found("member");
  return membership_from(rows[0]);
}

Result<Page<Membership>> OrganizationMemberRepository::list(Connection& c,
                                                            const std::string& organization_id,
                                                            const PageRequest& page) {
  return query_page(c, sql::kListMembers, {organization_id}, page, membership_from,
                    [](const Membership& m) { return m.user.id; });
}

Result<bool> OrganizationMemberRepository::remove(Connection& c, const std::string& organization_id,
                                                  const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t n,
                      c.execute(sql::kDeleteMembership, {organization_id, user_id}));
  return n > 0;
}

Result<bool> OrganizationMemberRepository::user_exists(Connection& c, const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountUsersById, {user_id}));
  return rows[0].integer(0) > 0;
}

}  // namespace deltalabs::identity
