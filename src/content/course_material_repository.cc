#include "content/course_material_repository.h"

#include "content/content_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

namespace {

Supplement supplement_from(const Row& r) { return sql::kSupplementRow.read(r); }

Resource resource_from(const Row& r) { return sql::kResourceRow.read(r); }

template <class T, class F>
Result<Page<T>> page_of(Connection& c, const char* statement, const std::string& course_id,
                        const PageRequest& page, F from) {
  return query_page(c, statement, {course_id}, page, from);
}

}  // namespace

Result<std::string> CourseMaterialRepository::insert_supplement(Connection& c,
                                                                const std::string& course_id,
                                                                const SupplementInput& in,
                                                                const std::string& created_by) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertSupplement, {id, course_id, in.kind, in.title, in.url, in.body,
                                            created_by, format_rfc3339(now())}));
  return id;
}

Result<Supplement> CourseMaterialRepository::find_supplement(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectSupplement, {id}));
  if (rows.empty()) return Error::not_found("supplement");
  return supplement_from(rows[0]);
}

Result<Page<Supplement>> CourseMaterialRepository::list_supplements(Connection& c,
                                                                    const std::string& course_id,
                                                                    const PageRequest& page) {
  return page_of<Supplement>(c, sql::kListSupplements, course_id, page, supplement_from);
}

Result<std::string> CourseMaterialRepository::insert_resource(Connection& c,
                                                              const std::string& course_id,
                                                              const ResourceInput& in) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertResource,
                   {id, course_id, in.title, in.description, in.mode, in.price_amount_minor,
                    in.price_currency, in.stock, format_rfc3339(now())}));
  return id;
}

Result<Resource> CourseMaterialRepository::find_resource(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectResource, {id}));
  if (rows.empty()) return Error::not_found("resource");
  return resource_from(rows[0]);
}

Result<Page<Resource>> CourseMaterialRepository::list_resources(Connection& c,
                                                                const std::string& course_id,
                                                                const PageRequest& page) {
  return page_of<Resource>(c, sql::kListResources, course_id, page, resource_from);
}

Result<bool> CourseMaterialRepository::take_stock(Connection& c, const std::string& id,
                                                  std::int64_t quantity) {
  DL_ASSIGN_OR_RETURN(std::int64_t taken,
                      c.execute(sql::kTakeResourceStock, {id, quantity, format_rfc3339(now())}));
  return taken == 1;
}

Status CourseMaterialRepository::return_stock(Connection& c, const std::string& id,
                                              std::int64_t quantity) {
  DL_TRY(c.execute(sql::kReturnResourceStock, {id, quantity, format_rfc3339(now())}));
  return {};
}

}  // namespace deltalabs::content
