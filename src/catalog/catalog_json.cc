#include "catalog/catalog_json.h"

#include <boost/json.hpp>

#include "http/json_fields.h"

namespace deltalabs::catalog {

boost::json::object reference_json(const ReferenceEntry& e) {
  return {{"id", e.id},
          {"slug", e.slug},
          {"name", e.name},
          {"description", e.description},
          {"created_at", e.created_at}};
}

boost::json::object instructor_json(const Instructor& i) {
  return {{"id", i.id},   {"user_id", i.user_id},      {"name", i.name}, {"headline", i.headline},
          {"bio", i.bio}, {"created_at", i.created_at}};
}

boost::json::object money_json(const Money& m) {
  return {{"amount_minor", m.amount_minor}, {"currency", m.currency}};
}

boost::json::object course_json(const Course& c) {
  boost::json::array instructors;
  for (const auto& id : c.instructor_ids) instructors.emplace_back(id);
  return {{"id", c.id},
          {"slug", c.slug},
          {"title", c.title},
          {"subtitle", c.subtitle},
          {"description", c.description},
          {"category_id", c.category_id},
          {"level_id", c.level_id},
          {"language", c.language},
          {"price", money_json(c.price)},
          {"status", c.status},
          {"max_students",
           c.max_students ? boost::json::value(*c.max_students) : boost::json::value(nullptr)},
          {"enrollment_count", c.enrollment_count},
          {"instructor_ids", std::move(instructors)},
          {"created_by", http::text_or_null(c.created_by)},
          {"published_at", http::text_or_null(c.published_at)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

}  // namespace deltalabs::catalog
