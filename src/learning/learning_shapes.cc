#include "learning/learning_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::learning {

namespace s = http::schema;

const http::JsonShape<Enrollment>& enrollment_shape() {
  static const http::JsonShape<Enrollment> shape(
      "Enrollment",
      {{"kind", s::one_of({kEnrollmentKind}),
        [](const Enrollment&) { return boost::json::value(kEnrollmentKind); }},
       {"id", s::uuid(), &Enrollment::id},
       {"user_id", s::uuid(), &Enrollment::user_id},
       {"course_id", s::uuid(), &Enrollment::course_id},
       {"course_title", s::string(), &Enrollment::course_title},
       {"course_slug", s::string(), &Enrollment::course_slug},
       {"member_role", s::one_of({"student", "ta", "instructor"}), &Enrollment::member_role},
       {"status", s::one_of({"active", "completed", "cancelled"}), &Enrollment::status},
       {"source", s::string(), &Enrollment::source},
       {"order_id", s::uuid(), &Enrollment::order_id},
       {"super_course_id", s::uuid(), &Enrollment::super_course_id},
       {"progress_percent", s::integer(),
        [](const Enrollment& e) { return boost::json::value(e.progress_percent()); }},
       {"enrolled_at", s::timestamp(), &Enrollment::enrolled_at},
       {"completed_at", s::timestamp(), &Enrollment::completed_at},
       {"cancelled_at", s::timestamp(), &Enrollment::cancelled_at},
       {"updated_at", s::timestamp(), &Enrollment::updated_at}});
  return shape;
}

const http::JsonShape<SuperCourseEnrollment>& super_course_enrollment_shape() {
  static const http::JsonShape<SuperCourseEnrollment> shape(
      "SuperCourseEnrollment",
      {{"kind", s::one_of({kSuperCourseEnrollmentKind}),
        [](const SuperCourseEnrollment&) {
          return boost::json::value(kSuperCourseEnrollmentKind);
        }},
       {"super_course_id", s::uuid(), &SuperCourseEnrollment::super_course_id},
       http::array_of("enrollments", enrollment_shape(), &SuperCourseEnrollment::enrollments)});
  return shape;
}

const http::JsonShape<Announcement>& announcement_shape() {
  static const http::JsonShape<Announcement> shape(
      "Announcement", {{"id", s::uuid(), &Announcement::id},
                       {"course_id", s::uuid(), &Announcement::course_id},
                       {"author_id", s::uuid(), &Announcement::author_id},
                       {"author_first_name", s::string(), &Announcement::author_first_name},
                       {"author_last_name", s::string(), &Announcement::author_last_name},
                       {"title", s::string(), &Announcement::title},
                       {"body", s::string(), &Announcement::body},
                       {"created_at", s::timestamp(), &Announcement::created_at}});
  return shape;
}

namespace {

const http::JsonShape<ItemProgress>& item_progress_shape() {
  static const http::JsonShape<ItemProgress> shape(
      "ItemProgress", {{"content_item_id", s::uuid(), &ItemProgress::content_item_id},
                       {"status", s::one_of({"started", "completed"}), &ItemProgress::status},
                       {"started_at", s::timestamp(), &ItemProgress::started_at},
                       {"completed_at", s::timestamp(), &ItemProgress::completed_at}});
  return shape;
}

// A field of the report's enrollment.
template <class Get>
http::ShapeField<ProgressReport> of_enrollment(std::string name, http::Schema schema, Get get) {
  return {std::move(name), std::move(schema),
          [get](const ProgressReport& r) { return boost::json::value(get(r.enrollment)); }};
}

}  // namespace

const http::JsonShape<ProgressReport>& progress_shape() {
  static const http::JsonShape<ProgressReport> shape(
      "Progress",
      {of_enrollment("enrollment_id", s::uuid(), [](const Enrollment& e) { return e.id; }),
       of_enrollment("course_id", s::uuid(), [](const Enrollment& e) { return e.course_id; }),
       of_enrollment("status", s::one_of({"active", "completed", "cancelled"}),
                     [](const Enrollment& e) { return e.status; }),
       of_enrollment("progress_percent", s::integer(),
                     [](const Enrollment& e) { return e.progress_percent(); }),
       of_enrollment("required_items", s::integer(),
                     [](const Enrollment& e) { return e.required_items; }),
       of_enrollment("completed_required_items", s::integer(),
                     [](const Enrollment& e) { return e.completed_required_items; }),
       of_enrollment("completed_at", s::nullable(s::timestamp()),
                     [](const Enrollment& e) { return http::text_or_null(e.completed_at); }),
       http::array_of("items", item_progress_shape(), &ProgressReport::items)});
  return shape;
}

const http::JsonShape<CourseMember>& member_shape() {
  static const http::JsonShape<CourseMember> shape(
      "CourseMember",
      {{"user_id", s::uuid(), &CourseMember::user_id},
       {"username", s::string(), &CourseMember::username},
       {"first_name", s::string(), &CourseMember::first_name},
       {"last_name", s::string(), &CourseMember::last_name},
       {"member_role", s::one_of({"student", "ta", "instructor"}), &CourseMember::member_role},
       {"status", s::one_of({"active", "completed", "cancelled"}), &CourseMember::status},
       {"since", s::timestamp(), &CourseMember::since}});
  return shape;
}

const http::JsonShape<RoadmapSection>& roadmap_section_shape() {
  static const http::JsonShape<RoadmapSection> shape(
      "RoadmapSection", {{"id", s::uuid(), &RoadmapSection::id},
                         {"course_id", s::uuid(), &RoadmapSection::course_id},
                         {"section_id", s::uuid(), &RoadmapSection::section_id},
                         {"title", s::string(), &RoadmapSection::title},
                         {"description", s::string(), &RoadmapSection::description},
                         {"is_required", s::boolean(), &RoadmapSection::is_required},
                         {"position", s::integer(), &RoadmapSection::position},
                         {"status", s::one_of({"started", "completed"}), &RoadmapSection::status},
                         {"completed_at", s::timestamp(), &RoadmapSection::completed_at}});
  return shape;
}

const http::JsonShape<Roadmap>& roadmap_shape() {
  static const http::JsonShape<Roadmap> shape(
      "Roadmap", {{"course_id", s::uuid(), &Roadmap::course_id},
                  {"enrollment_id", s::uuid(), &Roadmap::enrollment_id},
                  {"progress_percent", s::integer(),
                   [](const Roadmap& r) { return boost::json::value(r.progress_percent()); }},
                  {"completed", s::boolean(),
                   [](const Roadmap& r) { return boost::json::value(r.completed()); }},
                  http::array_of("sections", roadmap_section_shape(), &Roadmap::sections)});
  return shape;
}

namespace {

// The course a wishlist entry points at, as much as a wishlist shows.
const http::JsonShape<WishlistItem>& wishlisted_course_shape() {
  static const http::JsonShape<WishlistItem> shape(
      "WishlistedCourse",
      {{"id", s::uuid(), &WishlistItem::course_id},
       {"slug", s::string(), &WishlistItem::course_slug},
       {"title", s::string(), &WishlistItem::course_title},
       {"price", s::ref(catalog::money_shape()),
        [](const WishlistItem& w) {
          return boost::json::value(catalog::money_json({w.price_amount_minor, w.price_currency}));
        }},
       {"status", s::one_of({"draft", "published", "archived"}), &WishlistItem::course_status}});
  return shape;
}

}  // namespace

const http::JsonShape<WishlistItem>& wishlist_item_shape() {
  static const http::JsonShape<WishlistItem> shape(
      "WishlistItem", {{"id", s::uuid(), &WishlistItem::id},
                       {"course_id", s::uuid(), &WishlistItem::course_id},
                       {"course", s::ref(wishlisted_course_shape()),
                        [](const WishlistItem& w) {
                          return boost::json::value(wishlisted_course_shape().render(w));
                        }},
                       {"added_at", s::timestamp(), &WishlistItem::added_at}});
  return shape;
}

const http::JsonShape<ActivityEvent>& activity_shape() {
  static const http::JsonShape<ActivityEvent> shape(
      "ActivityEvent", {{"id", s::uuid(), &ActivityEvent::id},
                        {"kind", s::string(), &ActivityEvent::kind},
                        {"course_id", s::uuid(), &ActivityEvent::course_id},
                        {"subject_id", s::uuid(), &ActivityEvent::subject_id},
                        {"data", s::any_object(),
                         [](const ActivityEvent& a) { return http::object_or_empty(a.data); }},
                        {"created_at", s::timestamp(), &ActivityEvent::created_at}});
  return shape;
}

}  // namespace deltalabs::learning
