#include "learning/learning_json.h"

#include <boost/json.hpp>

#include "http/json_fields.h"

namespace deltalabs::learning {

using http::object_or_empty;
using http::text_or_null;

boost::json::object enrollment_json(const Enrollment& e) {
  return {{"id", e.id},
          {"user_id", e.user_id},
          {"course_id", e.course_id},
          {"course_title", e.course_title},
          {"course_slug", e.course_slug},
          {"member_role", e.member_role},
          {"status", e.status},
          {"source", e.source},
          {"super_course_id", text_or_null(e.super_course_id)},
          {"progress_percent", e.progress_percent()},
          {"enrolled_at", e.enrolled_at},
          {"completed_at", text_or_null(e.completed_at)},
          {"cancelled_at", text_or_null(e.cancelled_at)},
          {"updated_at", e.updated_at}};
}

boost::json::object super_course_enrollment_json(const SuperCourseEnrollment& result) {
  boost::json::array enrollments;
  for (const auto& e : result.enrollments) enrollments.push_back(enrollment_json(e));
  return {{"super_course_id", result.super_course_id}, {"enrollments", std::move(enrollments)}};
}

boost::json::object progress_json(const ProgressReport& report) {
  boost::json::array items;
  for (const auto& i : report.items) {
    items.push_back({{"content_item_id", i.content_item_id},
                     {"status", i.status},
                     {"started_at", i.started_at},
                     {"completed_at", text_or_null(i.completed_at)}});
  }
  const Enrollment& e = report.enrollment;
  return {{"enrollment_id", e.id},
          {"course_id", e.course_id},
          {"status", e.status},
          {"progress_percent", e.progress_percent()},
          {"required_items", e.required_items},
          {"completed_required_items", e.completed_required_items},
          {"completed_at", text_or_null(e.completed_at)},
          {"items", std::move(items)}};
}

boost::json::object member_json(const CourseMember& m) {
  return {{"user_id", m.user_id},     {"username", m.username},       {"first_name", m.first_name},
          {"last_name", m.last_name}, {"member_role", m.member_role}, {"status", m.status},
          {"since", m.since}};
}

boost::json::object roadmap_section_json(const RoadmapSection& s) {
  return {{"id", s.id},
          {"course_id", s.course_id},
          {"section_id", text_or_null(s.section_id)},
          {"title", s.title},
          {"description", s.description},
          {"is_required", s.is_required},
          {"position", s.position},
          {"status", text_or_null(s.status)},
          {"completed_at", text_or_null(s.completed_at)}};
}

boost::json::object roadmap_json(const Roadmap& roadmap) {
  boost::json::array sections;
  for (const auto& s : roadmap.sections) sections.push_back(roadmap_section_json(s));
  return {{"course_id", roadmap.course_id},
          {"enrollment_id", text_or_null(roadmap.enrollment_id)},
          {"progress_percent", roadmap.progress_percent()},
          {"completed", roadmap.completed()},
          {"sections", std::move(sections)}};
}

boost::json::object wishlist_item_json(const WishlistItem& w) {
  return {{"id", w.id},
          {"course_id", w.course_id},
          {"course",
           {{"id", w.course_id},
            {"slug", w.course_slug},
            {"title", w.course_title},
            {"price", {{"amount_minor", w.price_amount_minor}, {"currency", w.price_currency}}},
            {"status", w.course_status}}},
          {"added_at", w.added_at}};
}

boost::json::object activity_json(const ActivityEvent& a) {
  return {{"id", a.id},
          {"kind", a.kind},
          {"course_id", text_or_null(a.course_id)},
          {"subject_id", text_or_null(a.subject_id)},
          {"data", object_or_empty(a.data)},
          {"created_at", a.created_at}};
}

}  // namespace deltalabs::learning
