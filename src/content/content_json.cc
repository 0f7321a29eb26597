#include "content/content_json.h"

#include <boost/json.hpp>

#include "catalog/catalog_json.h"
#include "http/json_fields.h"

namespace deltalabs::content {

boost::json::object section_json(const Section& s) {
  return {{"id", s.id},
          {"course_id", s.course_id},
          {"title", s.title},
          {"summary", s.summary},
          {"position", s.position},
          {"item_count", s.item_count},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

boost::json::object content_item_json(const ContentItem& i) {
  return {{"id", i.id},
          {"section_id", i.section_id},
          {"item_type", i.item_type},
          {"title", i.title},
          {"body", http::object_or_empty(i.body)},
          {"is_required", i.is_required},
          {"position", i.position},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

boost::json::object course_intro_json(const CourseIntro& intro) {
  boost::json::array instructors;
  for (const auto& i : intro.instructors) instructors.push_back(catalog::instructor_json(i));
  boost::json::array syllabus;
  for (const auto& s : intro.syllabus) {
    syllabus.push_back(
        {{"id", s.id}, {"title", s.title}, {"position", s.position}, {"item_count", s.item_count}});
  }
  const auto sections = static_cast<std::int64_t>(intro.syllabus.size());
  return {{"course", catalog::course_json(intro.course)},
          {"overview", intro.course.description},
          {"instructors", std::move(instructors)},
          {"syllabus", std::move(syllabus)},
          {"counts",
           {{"sections", sections},
            {"items", intro.item_count},
            {"enrollments", intro.course.enrollment_count}}}};
}

boost::json::object supplement_json(const Supplement& s) {
  return {{"id", s.id},
          {"course_id", s.course_id},
          {"kind", s.kind},
          {"title", s.title},
          {"url", s.url ? boost::json::value(*s.url) : boost::json::value(nullptr)},
          {"body", http::object_or_empty(s.body)},
          {"created_at", s.created_at}};
}

boost::json::object resource_json(const Resource& r) {
  return {{"id", r.id},
          {"course_id", r.course_id},
          {"title", r.title},
          {"description", r.description},
          {"mode", r.mode},
          {"price", catalog::money_json({r.price_amount_minor, r.price_currency})},
          {"stock", r.stock},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

boost::json::object super_course_json(const SuperCourse& c) {
  return {{"id", c.id},
          {"slug", c.slug},
          {"title", c.title},
          {"description", c.description},
          {"status", c.status},
          {"created_by",
           c.created_by ? boost::json::value(*c.created_by) : boost::json::value(nullptr)},
          {"section_count", c.section_count},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

boost::json::object super_course_section_json(const SuperCourseSection& s) {
  return {{"id", s.id},
          {"super_course_id", s.super_course_id},
          {"section_id", s.section_id},
          {"course_id", s.course_id},
          {"title", s.title},
          {"position", s.position},
          {"created_at", s.created_at}};
}

}  // namespace deltalabs::content
