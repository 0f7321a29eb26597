#include "identity/organization_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::identity {

namespace {

// Deeper than any real organization tree; guards the walk against bad data.
constexpr int kMaxDepth = 1000;

Error slug_taken() {
  return Error::conflict("SLUG_TAKEN", "An organization with that slug already exists.");
}

Error has_children() {
  return Error::conflict("HAS_CHILDREN",
                         "The organization has child organizations; move or delete them first.");
}

}  // namespace

Result<std::string> OrganizationRepository::insert(Connection& c, const OrganizationInput& org) {
  const std::string id = new_uuid_v7();
  DL_TRY(execute_or_conflict(c, sql::kInsertOrganization,
                             {id, org.type_id, org.parent_id, org.name, org.slug,
                              org.settings.value_or("{}"), format_rfc3339(now())},
                             storage_code::kUniqueViolation, slug_taken()));
  return id;
}

Result<bool> OrganizationRepository::exists(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectOrganizationParent, {id}));
  return !rows.empty();
}

Status OrganizationRepository::update(Connection& c, const std::string& id,
                                      const OrganizationInput& change) {
  DL_TRY(execute_or_conflict(c, sql::kUpdateOrganization,
                             {id, change.type_id, change.parent_set ? 1 : 0, change.parent_id,
                              change.name, change.slug, change.settings, format_rfc3339(now())},
                             storage_code::kUniqueViolation, slug_taken()));
  return {};
}

Status OrganizationRepository::remove(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet children, c.query(sql::kCountChildOrganizations, {id}));
  if (children[0].integer(0) > 0) return has_children();
  // A child created concurrently still references it (ON DELETE RESTRICT).
  DL_TRY(execute_or_conflict(c, sql::kDeleteOrganization, {id}, storage_code::kForeignKeyViolation,
                             has_children()));
  return {};
}

Result<bool> OrganizationRepository::is_self_or_ancestor(Connection& c, const std::string& ancestor,
                                                         const std::string& id) {
  std::optional<std::string> current = id;
  for (int depth = 0; current && depth < kMaxDepth; ++depth) {
    if (*current == ancestor) return true;
    DL_TRY(c.execute(sql::kLockOrganization, {*current}));
    DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectOrganizationParent, {*current}));
    if (rows.empty()) return false;
    current = rows[0].optional_text(0);
  }
  return current.has_value();  // too deep to be a tree: treat as a cycle
}

}  // namespace deltalabs::identity
