#include "identity/organization_type_service.h"

#include <boost/json.hpp>

#include "identity/identity_sql.h"
#include "identity/organization_type_repository.h"

namespace deltalabs::identity {

namespace {

std::string type_details(const OrganizationTypeInput& input) {
  boost::json::object o;
  if (input.slug) o["slug"] = *input.slug;
  if (input.name) o["name"] = *input.name;
  if (input.description) o["description"] = *input.description;
  return boost::json::serialize(o);
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
      [&](Connection& c) { return OrganizationTypeRepository::insert(c, input); },
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
      [&](Connection& c, const OrganizationType&, const std::string& id) {
        return OrganizationTypeRepository::update(c, id, change);
      },
      type_details(change));
}

Status OrganizationTypeService::remove(const Actor& actor, const std::string& raw_id) {
  return admin_.remove(actor, raw_id, &OrganizationTypeRepository::remove);
}

}  // namespace deltalabs::identity
