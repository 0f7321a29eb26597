#include "labs/host_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

Result<Host> HostRepository::find(Connection& c, const std::string& id) {
  return sql::kHostTable.find(c, id);
}

Result<std::optional<Host>> HostRepository::of_user(Connection& c, const std::string& user_id) {
  return sql::kHostTable.first(c, sql::kSelectHostOfUser, {user_id});
}

Result<std::optional<Host>> HostRepository::of_organization(Connection& c,
                                                            const std::string& organization_id) {
  return sql::kHostTable.first(c, sql::kSelectHostOfOrganization, {organization_id});
}

Result<Page<Host>> HostRepository::list(Connection& c, const PageRequest& page) {
  return sql::kHostTable.page(c, sql::kListHosts, {}, page);
}

Result<std::string> HostRepository::insert(Connection& c, const std::optional<std::string>& user_id,
                                           const HostInput& input, const std::string& created_by) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertHost, {id, user_id, input.organization_id, input.name,
                                      input.description, created_by, format_rfc3339(now())}));
  return id;
}

}  // namespace deltalabs::labs
