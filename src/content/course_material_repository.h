#pragma once

#include <cstdint>
#include <string>

#include "content/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::content {

// Reads and writes what hangs off a course besides its sections: supplements
// (supplement_resources) and purchasable or rentable resources. Stateless.
class CourseMaterialRepository {
 public:
  // Inserts a supplement; returns its id.
  static Result<std::string> insert_supplement(Connection& c, const std::string& course_id,
                                               const SupplementInput& input,
                                               const std::string& created_by);
  // The supplement, or 404.
  static Result<Supplement> find_supplement(Connection& c, const std::string& id);
  // A page of a course's supplements ordered by id.
  static Result<Page<Supplement>> list_supplements(Connection& c, const std::string& course_id,
                                                   const PageRequest& page);
  // Inserts a resource; returns its id.
  static Result<std::string> insert_resource(Connection& c, const std::string& course_id,
                                             const ResourceInput& input);
  // The resource, or 404.
  static Result<Resource> find_resource(Connection& c, const std::string& id);
  // A page of a course's resources ordered by id.
  static Result<Page<Resource>> list_resources(Connection& c, const std::string& course_id,
                                               const PageRequest& page);
  // Takes `quantity` of the resource's stock; false when fewer are left.
  static Result<bool> take_stock(Connection& c, const std::string& id, std::int64_t quantity);
  // Puts `quantity` back into the resource's stock.
  static Status return_stock(Connection& c, const std::string& id, std::int64_t quantity);
};

}  // namespace deltalabs::content
