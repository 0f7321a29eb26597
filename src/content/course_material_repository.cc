#include "content/course_material_repository.h"

#include "content/content_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::content {

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
  return sql::kSupplements.find(c, id);
}

Result<Page<Supplement>> CourseMaterialRepository::list_supplements(Connection& c,
                                                                    const std::string& course_id,
                                                                    const PageRequest& page) {
  return sql::kSupplements.page(c, sql::kListSupplements, {course_id}, page);
}

Result<std::string> CourseMaterialRepository::insert_resource(Connection& c,
                                                              const std::string& course_id,
                                                              const ResourceInput& in) {
  const std::string id = new_uuid_v7();
  const std::string at = format_rfc3339(now());
  DL_TRY(c.execute(sql::kInsertResource,
                   {id, course_id, in.title, in.description, in.mode, in.price_amount_minor,
                    in.price_currency, in.stock, at, at}));
  return id;
}

Result<Resource> CourseMaterialRepository::find_resource(Connection& c, const std::string& id) {
  return sql::kResources.find(c, id);
}

Result<Page<Resource>> CourseMaterialRepository::list_resources(Connection& c,
                                                                const std::string& course_id,
                                                                const PageRequest& page) {
  return sql::kResources.page(c, sql::kListResources, {course_id}, page);
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
