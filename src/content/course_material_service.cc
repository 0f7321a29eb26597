#include "content/course_material_service.h"

#include "content/course_material_repository.h"
#include "core/slug.h"

namespace deltalabs::content {

Result<Page<Supplement>> CourseMaterialService::supplements(const Actor& actor,
                                                            const std::string& course_id,
                                                            const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.get(actor, course_id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return CourseMaterialRepository::list_supplements(*conn, course.id, page);
}

Result<Supplement> CourseMaterialService::add_supplement(const Actor& actor,
                                                         const std::string& course_id,
                                                         const SupplementInput& input) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, course_id));
  return db_.transaction([&](Connection& c) -> Result<Supplement> {
    DL_ASSIGN_OR_RETURN(std::string id, CourseMaterialRepository::insert_supplement(
                                            c, course.id, input, actor.user_id));
    return CourseMaterialRepository::find_supplement(c, id);
  });
}

Result<Page<Resource>> CourseMaterialService::resources(const Actor& actor,
                                                        const std::string& course_id,
                                                        const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.get(actor, course_id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return CourseMaterialRepository::list_resources(*conn, course.id, page);
}

Result<Resource> CourseMaterialService::add_resource(const Actor& actor,
                                                     const std::string& course_id,
                                                     const ResourceInput& input) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, course_id));
  if (!is_currency_code(input.price_currency)) {
    return Error::invalid(
        "The request body is not valid.",
        {{"price.currency", "must be an ISO 4217 code of three upper-case letters"}});
  }
  return db_.transaction([&](Connection& c) -> Result<Resource> {
    DL_ASSIGN_OR_RETURN(std::string id,
                        CourseMaterialRepository::insert_resource(c, course.id, input));
    return CourseMaterialRepository::find_resource(c, id);
  });
}

Result<bool> CourseMaterialService::take_stock(Connection& c, const std::string& resource_id,
                                               std::int64_t quantity) {
  return CourseMaterialRepository::take_stock(c, resource_id, quantity);
}

Status CourseMaterialService::return_stock(Connection& c, const std::string& resource_id,
                                           std::int64_t quantity) {
  return CourseMaterialRepository::return_stock(c, resource_id, quantity);
}

}  // namespace deltalabs::content
