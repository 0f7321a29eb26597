#include "catalog/reference_repository.h"

#include "catalog/catalog_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::catalog {

namespace {

ReferenceEntry entry_from(const Row& r) {
  return ReferenceEntry{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)};
}

}  // namespace

ReferenceStatements ReferenceRepository::categories() {
  return {sql::kInsertCategory, sql::kSelectCategory, sql::kListCategories, "course category"};
}

ReferenceStatements ReferenceRepository::levels() {
  return {sql::kInsertLevel, sql::kSelectLevel, sql::kListLevels, "course level"};
}

Result<std::string> ReferenceRepository::insert(Connection& c, const ReferenceInput& input) const {
  const std::string id = new_uuid_v7();
  auto inserted = c.execute(sql_.insert,
                            {id, input.slug, input.name, input.description, format_rfc3339(now())});
  if (!inserted.ok()) {
    if (inserted.error().code == storage_code::kUniqueViolation) {
      return Error::conflict("SLUG_TAKEN",
                             std::string("A ") + sql_.what + " with that slug already exists.");
    }
    return std::move(inserted).error();
  }
  return id;
}

Result<ReferenceEntry> ReferenceRepository::find(Connection& c, const std::string& id) const {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql_.select, {id}));
  if (rows.empty()) return Error::not_found(sql_.what);
  return entry_from(rows[0]);
}

Result<Page<ReferenceEntry>> ReferenceRepository::list(Connection& c,
                                                       const PageRequest& page) const {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql_.list, {page.after, page.limit + 1}));
  std::vector<ReferenceEntry> entries;
  for (std::size_t i = 0; i < rows.size(); ++i) entries.push_back(entry_from(rows[i]));
  return make_page(std::move(entries), page.limit, [](const ReferenceEntry& e) { return e.slug; });
}

}  // namespace deltalabs::catalog
