#include "catalog/catalog_shapes.h"

#include <boost/json.hpp>

namespace deltalabs::catalog {

namespace s = http::schema;

const http::JsonShape<ReferenceEntry>& reference_shape() {
  static const http::JsonShape<ReferenceEntry> shape(
      "ReferenceEntry", {{"id", s::uuid(), &ReferenceEntry::id},
                         {"slug", s::string(), &ReferenceEntry::slug},
                         {"name", s::string(), &ReferenceEntry::name},
                         {"description", s::string(), &ReferenceEntry::description},
                         {"created_at", s::timestamp(), &ReferenceEntry::created_at}});
  return shape;
}

const http::JsonShape<Instructor>& instructor_shape() {
  static const http::JsonShape<Instructor> shape(
      "Instructor", {{"id", s::uuid(), &Instructor::id},
                     {"user_id", s::uuid(), &Instructor::user_id},
                     {"name", s::string(), &Instructor::name},
                     {"headline", s::string(), &Instructor::headline},
                     {"bio", s::string(), &Instructor::bio},
                     {"created_at", s::timestamp(), &Instructor::created_at}});
  return shape;
}

const http::JsonShape<Money>& money_shape() {
  static const http::JsonShape<Money> shape("Money",
                                            {{"amount_minor", s::integer(), &Money::amount_minor},
                                             {"currency", s::string(), &Money::currency}});
  return shape;
}

const http::JsonShape<Course>& course_shape() {
  static const http::JsonShape<Course> shape(
      "Course", {{"id", s::uuid(), &Course::id},
                 {"slug", s::string(), &Course::slug},
                 {"title", s::string(), &Course::title},
                 {"subtitle", s::string(), &Course::subtitle},
                 {"description", s::string(), &Course::description},
                 {"category_id", s::uuid(), &Course::category_id},
                 {"level_id", s::uuid(), &Course::level_id},
                 {"language", s::string(), &Course::language},
                 {"price", money_shape(), &Course::price},
                 {"status", s::one_of({"draft", "published", "archived"}), &Course::status},
                 {"max_students", s::integer(), &Course::max_students},
                 {"enrollment_count", s::integer(), &Course::enrollment_count},
                 {"instructor_ids", s::array(s::uuid()), &Course::instructor_ids},
                 {"created_by", s::uuid(), &Course::created_by},
                 {"published_at", s::timestamp(), &Course::published_at},
                 {"created_at", s::timestamp(), &Course::created_at},
                 {"updated_at", s::timestamp(), &Course::updated_at}});
  return shape;
}

boost::json::object money_json(const Money& m) { return money_shape().render(m); }

boost::json::object course_json(const Course& c) { return course_shape().render(c); }

}  // namespace deltalabs::catalog
