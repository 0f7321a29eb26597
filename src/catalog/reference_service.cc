#include "catalog/reference_service.h"

#include "core/slug.h"

namespace deltalabs::catalog {

Result<Page<ReferenceEntry>> ReferenceService::list(const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return repo_.list(*conn, page);
}

Result<ReferenceEntry> ReferenceService::create(const Actor& actor, const ReferenceInput& input) {
  DL_TRY(authz_.require(actor, "catalog:manage"));
  if (!is_slug(input.slug)) {
    return Error::invalid("The request body is not valid.",
                          {{"slug", "must be 1 to 64 of a-z, 0-9, '-' and '_'"}});
  }
  return db_.transaction([&](Connection& c) -> Result<ReferenceEntry> {
    DL_ASSIGN_OR_RETURN(std::string id, repo_.insert(c, input));
    return repo_.find(c, id);
  });
}

}  // namespace deltalabs::catalog
