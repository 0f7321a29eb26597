#include "identity/organization_type_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "identity/input_rules.h"
#include "identity/organization_type_repository.h"
#include "platform/audit_log.h"

namespace deltalabs::identity {

namespace {

std::string type_details(const OrganizationTypeInput& input) {
  boost::json::object o;
  if (input.slug) o["slug"] = *input.slug;
  if (input.name) o["name"] = *input.name;
  if (input.description) o["description"] = *input.description;
  return boost::json::serialize(o);
}

Status check_slug(const std::optional<std::string>& slug) {
  if (!slug) return {};
  if (auto problem = slug_problem("slug", *slug)) {
    return Error::invalid("The request body is not valid.", {*problem});
  }
  return {};
}

}  // namespace

Result<Page<OrganizationType>> OrganizationTypeService::list(const Actor& actor,
                                                             const PageRequest& page) {
  DL_TRY(authz_.require(actor, "organization_types:list"));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return OrganizationTypeRepository::list(*conn, page);
}

Result<OrganizationType> OrganizationTypeService::create(const Actor& actor,
                                                         const OrganizationTypeInput& input) {
  DL_TRY(authz_.require(actor, "organization_types:create"));
  DL_TRY(check_slug(input.slug));
  return db_.transaction([&](Connection& c) -> Result<OrganizationType> {
    DL_ASSIGN_OR_RETURN(std::string id, OrganizationTypeRepository::insert(c, input));
    DL_TRY(AuditLog::record(
        c, actor, {"organization_type.created", "organization_type", id, type_details(input)}));
    return OrganizationTypeRepository::find(c, id);
  });
}

Result<OrganizationType> OrganizationTypeService::get(const Actor& actor, const std::string& id) {
  DL_TRY(authz_.require(actor, "organization_types:read"));
  if (!is_uuid(id)) return Error::not_found("organization type");
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return OrganizationTypeRepository::find(*conn, canonical_id(id));
}

Result<OrganizationType> OrganizationTypeService::update(const Actor& actor,
                                                         const std::string& raw_id,
                                                         const OrganizationTypeInput& change) {
  DL_TRY(authz_.require(actor, "organization_types:update"));
  if (!is_uuid(raw_id)) return Error::not_found("organization type");
  DL_TRY(check_slug(change.slug));
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Result<OrganizationType> {
    DL_TRY(OrganizationTypeRepository::find(c, id));
    DL_TRY(OrganizationTypeRepository::update(c, id, change));
    DL_TRY(AuditLog::record(
        c, actor, {"organization_type.updated", "organization_type", id, type_details(change)}));
    return OrganizationTypeRepository::find(c, id);
  });
}

Status OrganizationTypeService::remove(const Actor& actor, const std::string& raw_id) {
  DL_TRY(authz_.require(actor, "organization_types:delete"));
  if (!is_uuid(raw_id)) return Error::not_found("organization type");
  const std::string id = canonical_id(raw_id);
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(OrganizationType before, OrganizationTypeRepository::find(c, id));
    DL_TRY(OrganizationTypeRepository::remove(c, id));
    return AuditLog::record(c, actor,
                            {"organization_type.deleted", "organization_type", id,
                             boost::json::serialize(boost::json::object{{"slug", before.slug}})});
  });
}

}  // namespace deltalabs::identity
