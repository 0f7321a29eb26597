#include "catalog/catalog_shapes.h"

#include <boost/json.hpp>

#include "http/shape_fields.h"

namespace deltalabs::catalog {

namespace s = http::schema;

DL_JSON_SHAPE(reference_shape, ReferenceEntry, "ReferenceEntry",
              {DL_SHAPE_FIELDS(ReferenceEntry, (id, uuid), (slug, string), (name, string),
                               (description, string), (created_at, timestamp))})

DL_JSON_SHAPE(instructor_shape, Instructor, "Instructor",
              {DL_SHAPE_FIELDS(Instructor, (id, uuid), (user_id, uuid), (name, string),
                               (headline, string), (bio, string), (created_at, timestamp))})

DL_JSON_SHAPE(money_shape, Money, "Money",
              {DL_SHAPE_FIELDS(Money, (amount_minor, integer), (currency, string))})

DL_JSON_SHAPE(course_shape, Course, "Course",
              {DL_SHAPE_FIELDS(Course, (id, uuid), (slug, string), (title, string),
                               (subtitle, string), (description, string), (category_id, uuid),
                               (level_id, uuid), (language, string)),
               {"price", money_shape(), &Course::price},
               DL_SHAPE_FIELDS(Course, (status, one_of, {"draft", "published", "archived"}),
                               (max_students, integer), (enrollment_count, integer),
                               (instructor_ids, array, s::uuid()), (created_by, uuid),
                               (published_at, timestamp), (created_at, timestamp),
                               (updated_at, timestamp))})

boost::json::object money_json(const Money& m) { return money_shape().render(m); }

boost::json::object course_json(const Course& c) { return course_shape().render(c); }

}  // namespace deltalabs::catalog
