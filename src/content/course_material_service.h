#pragma once

#include <cstdint>
#include <string>

#include "catalog/course_service.h"
#include "content/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::content {

// Supplements and resources of courses: visible with their course, added by
// whoever may edit it (CourseService decides both).
class CourseMaterialService {
 public:
  CourseMaterialService(Database& db, catalog::CourseService& courses)
      : db_(db), courses_(courses) {}

  // A page of a visible course's supplements.
  Result<Page<Supplement>> supplements(const Actor& actor, const std::string& course_id,
                                       const PageRequest& page);
  // Adds a supplement to a course the actor may edit.
  Result<Supplement> add_supplement(const Actor& actor, const std::string& course_id,
                                    const SupplementInput& input);
  // A page of a visible course's resources.
  Result<Page<Resource>> resources(const Actor& actor, const std::string& course_id,
                                   const PageRequest& page);
  // Adds a resource to a course the actor may edit; 400 for a malformed currency.
  Result<Resource> add_resource(const Actor& actor, const std::string& course_id,
                                const ResourceInput& input);

  // Inside Commerce's transaction: takes `quantity` of a resource's stock
  // (false when fewer are left), or puts it back.
  static Result<bool> take_stock(Connection& c, const std::string& resource_id,
                                 std::int64_t quantity);
  static Status return_stock(Connection& c, const std::string& resource_id, std::int64_t quantity);

 private:
  Database& db_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::content
