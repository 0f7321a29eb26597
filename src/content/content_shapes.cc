#include "content/content_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::content {

namespace s = http::schema;

DL_JSON_SHAPE(section_shape, Section, "Section",
              {DL_SHAPE_FIELDS(Section, (id, uuid), (course_id, uuid), (title, string),
                               (summary, string), (position, integer), (item_count, integer),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(content_item_shape, ContentItem, "ContentItem",
              {DL_SHAPE_FIELDS(ContentItem, (id, uuid), (section_id, uuid), (item_type, string),
                               (title, string)),
               {"body", s::any_object(),
                [](const ContentItem& i) { return http::object_or_empty(i.body); }},
               DL_SHAPE_FIELDS(ContentItem, (is_required, boolean), (position, integer),
                               (created_at, timestamp), (updated_at, timestamp))})

namespace {

// A section as the syllabus lists it.
DL_JSON_SHAPE(syllabus_entry_shape, Section, "SyllabusEntry",
              {DL_SHAPE_FIELDS(Section, (id, uuid), (title, string), (position, integer),
                               (item_count, integer))})

DL_JSON_SHAPE(course_counts_shape, CourseIntro, "CourseCounts",
              {{"sections", s::integer(),
                [](const CourseIntro& i) {
                  return boost::json::value(static_cast<std::int64_t>(i.syllabus.size()));
                }},
               {"items", s::integer(), &CourseIntro::item_count},
               {"enrollments", s::integer(), [](const CourseIntro& i) {
                  return boost::json::value(i.course.enrollment_count);
                }}})

}  // namespace

DL_JSON_SHAPE(
    course_intro_shape, CourseIntro, "CourseIntro",
    {{"course", s::ref(catalog::course_shape()),
      [](const CourseIntro& i) { return boost::json::value(catalog::course_json(i.course)); }},
     {"overview", s::string(),
      [](const CourseIntro& i) { return boost::json::value(i.course.description); }},
     http::array_of("instructors", catalog::instructor_shape(), &CourseIntro::instructors),
     http::array_of("syllabus", syllabus_entry_shape(), &CourseIntro::syllabus),
     {"counts", s::ref(course_counts_shape()),
      [](const CourseIntro& i) { return boost::json::value(course_counts_shape().render(i)); }}})

DL_JSON_SHAPE(supplement_shape, Supplement, "Supplement",
              {DL_SHAPE_FIELDS(Supplement, (id, uuid), (course_id, uuid),
                               (kind, one_of, {"book", "doc", "slides", "video_link", "generated"}),
                               (title, string), (url, string)),
               {"body", s::any_object(),
                [](const Supplement& x) { return http::object_or_empty(x.body); }},
               DL_SHAPE_FIELDS(Supplement, (created_at, timestamp))})

DL_JSON_SHAPE(
    resource_shape, Resource, "Resource",
    {DL_SHAPE_FIELDS(Resource, (id, uuid), (course_id, uuid), (title, string),
                     (description, string), (mode, one_of, {"purchase", "rent"})),
     {"price", s::ref(catalog::money_shape()),
      [](const Resource& r) {
        return boost::json::value(catalog::money_json({r.price_amount_minor, r.price_currency}));
      }},
     DL_SHAPE_FIELDS(Resource, (stock, integer), (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(super_course_shape, SuperCourse, "SuperCourse",
              {DL_SHAPE_FIELDS(SuperCourse, (id, uuid), (slug, string), (title, string),
                               (description, string),
                               (status, one_of, {"draft", "published", "archived"}),
                               (created_by, uuid), (section_count, integer),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(super_course_section_shape, SuperCourseSection, "SuperCourseSection",
              {DL_SHAPE_FIELDS(SuperCourseSection, (id, uuid), (super_course_id, uuid),
                               (section_id, uuid), (course_id, uuid), (title, string),
                               (position, integer), (created_at, timestamp))})

}  // namespace deltalabs::content
