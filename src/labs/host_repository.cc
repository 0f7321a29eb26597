#include "labs/host_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "labs/labs_sql.h"

namespace deltalabs::labs {

namespace {

Host host_from(const Row& r) { return sql::kHostRow.read(r); }

Result<std::optional<Host>> optional_host(Result<RowSet> rows) {
  if (!rows.ok()) return std::move(rows).error();
  if (rows->empty()) return std::optional<Host>{};
  return std::optional<Host>{host_from((*rows)[0])};
}

}  // namespace

Result<Host> HostRepository::find(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("host");
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectHost, {id}));
  if (rows.empty()) return Error::not_found("host");
  return host_from(rows[0]);
}

Result<std::optional<Host>> HostRepository::of_user(Connection& c, const std::string& user_id) {
  return optional_host(c.query(sql::kSelectHostOfUser, {user_id}));
}

Result<std::optional<Host>> HostRepository::of_organization(Connection& c,
                                                            const std::string& organization_id) {
  return optional_host(c.query(sql::kSelectHostOfOrganization, {organization_id}));
}

Result<Page<Host>> HostRepository::list(Connection& c, const PageRequest& page) {
  return query_page(c, sql::kListHosts, {}, page, host_from);
}

Result<std::string> HostRepository::insert(Connection& c, const std::optional<std::string>& user_id,
                                           const HostInput& input, const std::string& created_by) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertHost, {id, user_id, input.organization_id, input.name,
                                      input.description, created_by, format_rfc3339(now())}));
  return id;
}

}  // namespace deltalabs::labs
