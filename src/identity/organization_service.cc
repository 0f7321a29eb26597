#include "identity/organization_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "identity/identity_sql.h"
#include "identity/input_rules.h"
#include "identity/organization_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {

Error invalid_field(const std::string& field, const std::string& message) {
  return Error::invalid("The request body is not valid.", {{field, message}});
}

// The fields a create or change sets, for the audit log.
std::string organization_details(const OrganizationInput& input) {
  boost::json::object o;
  if (input.type_id) o["type_id"] = *input.type_id;
  if (input.parent_set || input.parent_id) {
    o["parent_id"] = input.parent_id ? boost::json::value(*input.parent_id) : nullptr;
  }
  if (input.name) o["name"] = *input.name;
  if (input.slug) o["slug"] = *input.slug;
  if (input.settings) o["settings_changed"] = true;
  return boost::json::serialize(o);
}

// 400 when the referenced type or parent does not exist.
Status check_references(Connection& c, const OrganizationInput& input) {
  if (input.type_id) {
    auto type = sql::kOrganizationTypeTable.find(c, *input.type_id);
    if (!type.ok()) {
      if (type.error().kind != ErrorKind::kNotFound) return std::move(type).error();
      return invalid_field("type_id", "organization type " + *input.type_id + " does not exist");
    }
  }
  if (input.parent_id) {
    DL_ASSIGN_OR_RETURN(bool parent_exists, OrganizationRepository::exists(c, *input.parent_id));
    if (!parent_exists) {
      return invalid_field("parent_id", "organization " + *input.parent_id + " does not exist");
    }
  }
  return {};
}

// A write's error, where a reference that vanished between the check and the
// write (a concurrent delete) reads as the invalid input it now is.
Error reference_error(Error e) {
  if (e.code == storage_code::kForeignKeyViolation) {
    return Error::invalid("The organization type or parent organization no longer exists.");
  }
  return e;
}

OrganizationInput canonical(OrganizationInput input) {
  input.type_id = canonical_optional_id(input.type_id);
  input.parent_id = canonical_optional_id(input.parent_id);
  return input;
}

}  // namespace

Result<Page<Organization>> OrganizationService::list(const Actor& actor,
                                                     const OrganizationFilter& filter,
                                                     const PageRequest& page) {
  DL_TRY(authz_.require(actor, "organizations:list"));
  std::vector<FieldError> problems;
  if (filter.type_id && !is_uuid(*filter.type_id))
    problems.push_back({"type_id", "must be a UUID"});
  if (filter.parent_id && !is_uuid(*filter.parent_id)) {
    problems.push_back({"parent_id", "must be a UUID"});
  }
  if (!problems.empty()) return Error::invalid("The query is not valid.", std::move(problems));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kOrganizationTable.page(
      *conn, sql::kListOrganizations,
      {canonical_optional_id(filter.type_id), canonical_optional_id(filter.parent_id)}, page);
}

Result<Organization> OrganizationService::create(const Actor& actor,
                                                 const OrganizationInput& raw_input) {
  const OrganizationInput input = canonical(raw_input);
  DL_TRY(authz_.require(actor, "organizations:create", input.parent_id));
  if (auto problem = slug_problem("slug", input.slug.value_or(""))) {
    return Error::invalid("The request body is not valid.", {*problem});
  }
  return db_.transaction([&](Connection& c) -> Result<Organization> {
    DL_TRY(check_references(c, input));
    auto inserted = OrganizationRepository::insert(c, input);
    if (!inserted.ok()) return reference_error(std::move(inserted).error());
    const std::string id = inserted.value();
    DL_TRY(AuditLog::record(
        c, actor, {"organization.created", "organization", id, organization_details(input)}));
    return sql::kOrganizationTable.find(c, id);
  });
}

Result<Organization> OrganizationService::get(const Actor& actor, const std::string& raw_id) {
  if (!is_uuid(raw_id)) return Error::not_found("organization");
  const std::string id = canonical_id(raw_id);
  DL_TRY(authz_.require(actor, "organizations:read", id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kOrganizationTable.find(*conn, id);
}

Result<Organization> OrganizationService::update(const Actor& actor, const std::string& raw_id,
                                                 const OrganizationInput& raw_change) {
  if (!is_uuid(raw_id)) return Error::not_found("organization");
  const std::string id = canonical_id(raw_id);
  const OrganizationInput change = canonical(raw_change);
  DL_TRY(authz_.require(actor, "organizations:update", id));
  if (change.parent_id) DL_TRY(authz_.require(actor, "organizations:create", change.parent_id));
  if (change.slug) {
    if (auto problem = slug_problem("slug", *change.slug)) {
      return Error::invalid("The request body is not valid.", {*problem});
    }
  }
  return db_.transaction([&](Connection& c) -> Result<Organization> {
    DL_TRY(sql::kOrganizationTable.find(c, id));
    DL_TRY(check_references(c, change));
    if (change.parent_id) {
      DL_ASSIGN_OR_RETURN(bool cycle,
                          OrganizationRepository::is_self_or_ancestor(c, id, *change.parent_id));
      if (cycle) {
        Error e = Error::bad_request(
            "PARENT_CYCLE", "An organization cannot be placed under itself or its descendants.");
        e.details = {{"parent_id", "is this organization or one of its descendants"}};
        return e;
      }
    }
    auto updated = OrganizationRepository::update(c, id, change);
    if (!updated.ok()) return reference_error(std::move(updated).error());
    DL_TRY(AuditLog::record(
        c, actor, {"organization.updated", "organization", id, organization_details(change)}));
    return sql::kOrganizationTable.find(c, id);
  });
}

Status OrganizationService::remove(const Actor& actor, const std::string& raw_id) {
  if (!is_uuid(raw_id)) return Error::not_found("organization");
  const std::string id = canonical_id(raw_id);
  DL_TRY(authz_.require(actor, "organizations:delete", id));
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(Organization before, sql::kOrganizationTable.find(c, id));
    DL_TRY(OrganizationRepository::remove(c, id));
    return AuditLog::record(c, actor,
                            {"organization.deleted", "organization", id,
                             boost::json::serialize(boost::json::object{{"slug", before.slug},
                                                                        {"name", before.name}})});
  });
}

}  // namespace deltalabs::identity
