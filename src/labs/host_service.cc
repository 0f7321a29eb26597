#include "labs/host_service.h"

#include "core/uuid.h"
#include "labs/host_repository.h"

namespace deltalabs::labs {

Result<Page<Host>> HostService::list(const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return HostRepository::list(*conn, page);
}

Result<Host> HostService::get(const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return HostRepository::find(*conn, canonical_id(id));
}

Result<Host> HostService::create(const Actor& actor, HostInput input) {
  input.organization_id = canonical_optional_id(input.organization_id);
  if (input.organization_id) {
    if (!is_uuid(*input.organization_id)) return Error::not_found("organization");
    DL_TRY(access_.require_organization(actor, *input.organization_id));
  }
  return db_.transaction([&](Connection& c) -> Result<Host> {
    Result<std::optional<Host>> existing =
        input.organization_id ? HostRepository::of_organization(c, *input.organization_id)
                              : HostRepository::of_user(c, actor.user_id);
    if (!existing.ok()) return std::move(existing).error();
    if (existing->has_value())
      return Error::conflict("HOST_EXISTS", "This user or organization is a host already.");
    std::optional<std::string> user_id;
    if (!input.organization_id) user_id = actor.user_id;
    auto id = HostRepository::insert(c, user_id, input, actor.user_id);
    if (!id.ok() && id.error().code == storage_code::kForeignKeyViolation)
      return Error::not_found("organization");
    if (!id.ok() && id.error().code == storage_code::kUniqueViolation)
      return Error::conflict("HOST_EXISTS", "This user or organization is a host already.");
    if (!id.ok()) return std::move(id).error();
    return HostRepository::find(c, *id);
  });
}

}  // namespace deltalabs::labs
