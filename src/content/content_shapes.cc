#include "content/content_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::content {

namespace s = http::schema;

const http::JsonShape<Section>& section_shape() {
  static const http::JsonShape<Section> shape(
      "Section", {{"id", s::uuid(), &Section::id},
                  {"course_id", s::uuid(), &Section::course_id},
                  {"title", s::string(), &Section::title},
                  {"summary", s::string(), &Section::summary},
                  {"position", s::integer(), &Section::position},
                  {"item_count", s::integer(), &Section::item_count},
                  {"created_at", s::timestamp(), &Section::created_at},
                  {"updated_at", s::timestamp(), &Section::updated_at}});
  return shape;
}

const http::JsonShape<ContentItem>& content_item_shape() {
  static const http::JsonShape<ContentItem> shape(
      "ContentItem", {{"id", s::uuid(), &ContentItem::id},
                      {"section_id", s::uuid(), &ContentItem::section_id},
                      {"item_type", s::string(), &ContentItem::item_type},
                      {"title", s::string(), &ContentItem::title},
                      {"body", s::any_object(),
                       [](const ContentItem& i) { return http::object_or_empty(i.body); }},
                      {"is_required", s::boolean(), &ContentItem::is_required},
                      {"position", s::integer(), &ContentItem::position},
                      {"created_at", s::timestamp(), &ContentItem::created_at},
                      {"updated_at", s::timestamp(), &ContentItem::updated_at}});
  return shape;
}

namespace {

// A section as the syllabus lists it.
const http::JsonShape<Section>& syllabus_entry_shape() {
  static const http::JsonShape<Section> shape("SyllabusEntry",
                                              {{"id", s::uuid(), &Section::id},
                                               {"title", s::string(), &Section::title},
                                               {"position", s::integer(), &Section::position},
                                               {"item_count", s::integer(), &Section::item_count}});
  return shape;
}

const http::JsonShape<CourseIntro>& course_counts_shape() {
  static const http::JsonShape<CourseIntro> shape(
      "CourseCounts", {{"sections", s::integer(),
                        [](const CourseIntro& i) {
                          return boost::json::value(static_cast<std::int64_t>(i.syllabus.size()));
                        }},
                       {"items", s::integer(), &CourseIntro::item_count},
                       {"enrollments", s::integer(), [](const CourseIntro& i) {
                          return boost::json::value(i.course.enrollment_count);
                        }}});
  return shape;
}

}  // namespace

const http::JsonShape<CourseIntro>& course_intro_shape() {
  static const http::JsonShape<CourseIntro> shape(
      "CourseIntro",
      {{"course", s::ref(catalog::course_shape()),
        [](const CourseIntro& i) { return boost::json::value(catalog::course_json(i.course)); }},
       {"overview", s::string(),
        [](const CourseIntro& i) { return boost::json::value(i.course.description); }},
       http::array_of("instructors", catalog::instructor_shape(), &CourseIntro::instructors),
       http::array_of("syllabus", syllabus_entry_shape(), &CourseIntro::syllabus),
       {"counts", s::ref(course_counts_shape()),
        [](const CourseIntro& i) { return boost::json::value(course_counts_shape().render(i)); }}});
  return shape;
}

const http::JsonShape<Supplement>& supplement_shape() {
  static const http::JsonShape<Supplement> shape(
      "Supplement",
      {{"id", s::uuid(), &Supplement::id},
       {"course_id", s::uuid(), &Supplement::course_id},
       {"kind", s::one_of({"book", "doc", "slides", "video_link", "generated"}), &Supplement::kind},
       {"title", s::string(), &Supplement::title},
       {"url", s::string(), &Supplement::url},
       {"body", s::any_object(), [](const Supplement& x) { return http::object_or_empty(x.body); }},
       {"created_at", s::timestamp(), &Supplement::created_at}});
  return shape;
}

const http::JsonShape<Resource>& resource_shape() {
  static const http::JsonShape<Resource> shape(
      "Resource",
      {{"id", s::uuid(), &Resource::id},
       {"course_id", s::uuid(), &Resource::course_id},
       {"title", s::string(), &Resource::title},
       {"description", s::string(), &Resource::description},
       {"mode", s::one_of({"purchase", "rent"}), &Resource::mode},
       {"price", s::ref(catalog::money_shape()),
        [](const Resource& r) {
          return boost::json::value(catalog::money_json({r.price_amount_minor, r.price_currency}));
        }},
       {"stock", s::integer(), &Resource::stock},
       {"created_at", s::timestamp(), &Resource::created_at},
       {"updated_at", s::timestamp(), &Resource::updated_at}});
  return shape;
}

const http::JsonShape<SuperCourse>& super_course_shape() {
  static const http::JsonShape<SuperCourse> shape(
      "SuperCourse",
      {{"id", s::uuid(), &SuperCourse::id},
       {"slug", s::string(), &SuperCourse::slug},
       {"title", s::string(), &SuperCourse::title},
       {"description", s::string(), &SuperCourse::description},
       {"status", s::one_of({"draft", "published", "archived"}), &SuperCourse::status},
       {"created_by", s::uuid(), &SuperCourse::created_by},
       {"section_count", s::integer(), &SuperCourse::section_count},
       {"created_at", s::timestamp(), &SuperCourse::created_at},
       {"updated_at", s::timestamp(), &SuperCourse::updated_at}});
  return shape;
}

const http::JsonShape<SuperCourseSection>& super_course_section_shape() {
  static const http::JsonShape<SuperCourseSection> shape(
      "SuperCourseSection", {{"id", s::uuid(), &SuperCourseSection::id},
                             {"super_course_id", s::uuid(), &SuperCourseSection::super_course_id},
                             {"section_id", s::uuid(), &SuperCourseSection::section_id},
                             {"course_id", s::uuid(), &SuperCourseSection::course_id},
                             {"title", s::string(), &SuperCourseSection::title},
                             {"position", s::integer(), &SuperCourseSection::position},
                             {"created_at", s::timestamp(), &SuperCourseSection::created_at}});
  return shape;
}

}  // namespace deltalabs::content
