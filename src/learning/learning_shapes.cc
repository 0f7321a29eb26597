#include "learning/learning_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::learning {

namespace s = http::schema;

DL_JSON_SHAPE(enrollment_shape, Enrollment, "Enrollment",
              {{"kind", s::one_of({kEnrollmentKind}),
                [](const Enrollment&) { return boost::json::value(kEnrollmentKind); }},
               DL_SHAPE_FIELDS(Enrollment, (id, uuid), (user_id, uuid), (course_id, uuid),
                               (course_title, string), (course_slug, string),
                               (member_role, one_of, {"student", "ta", "instructor"}),
                               (status, one_of, {"active", "completed", "cancelled"}),
                               (source, string), (order_id, uuid), (super_course_id, uuid)),
               {"progress_percent", s::integer(),
                [](const Enrollment& e) { return boost::json::value(e.progress_percent()); }},
               DL_SHAPE_FIELDS(Enrollment, (enrolled_at, timestamp), (completed_at, timestamp),
                               (cancelled_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(
    super_course_enrollment_shape, SuperCourseEnrollment, "SuperCourseEnrollment",
    {{"kind", s::one_of({kSuperCourseEnrollmentKind}),
      [](const SuperCourseEnrollment&) { return boost::json::value(kSuperCourseEnrollmentKind); }},
     DL_SHAPE_FIELDS(SuperCourseEnrollment, (super_course_id, uuid)),
     http::array_of("enrollments", enrollment_shape(), &SuperCourseEnrollment::enrollments)})

DL_JSON_SHAPE(announcement_shape, Announcement, "Announcement",
              {DL_SHAPE_FIELDS(Announcement, (id, uuid), (course_id, uuid), (author_id, uuid),
                               (author_first_name, string), (author_last_name, string),
                               (title, string), (body, string), (created_at, timestamp))})

namespace {

DL_JSON_SHAPE(item_progress_shape, ItemProgress, "ItemProgress",
              {DL_SHAPE_FIELDS(ItemProgress, (content_item_id, uuid),
                               (status, one_of, {"started", "completed"}), (started_at, timestamp),
                               (completed_at, timestamp))})

// A field of the report's enrollment.
template <class Get>
http::ShapeField<ProgressReport> of_enrollment(std::string name, http::Schema schema, Get get) {
  return {std::move(name), std::move(schema),
          [get](const ProgressReport& r) { return boost::json::value(get(r.enrollment)); }};
}

}  // namespace

DL_JSON_SHAPE(
    progress_shape, ProgressReport, "Progress",
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
     http::array_of("items", item_progress_shape(), &ProgressReport::items)})

DL_JSON_SHAPE(
    member_shape, CourseMember, "CourseMember",
    {DL_SHAPE_FIELDS(CourseMember, (user_id, uuid), (username, string), (first_name, string),
                     (last_name, string), (member_role, one_of, {"student", "ta", "instructor"}),
                     (status, one_of, {"active", "completed", "cancelled"}), (since, timestamp))})

DL_JSON_SHAPE(roadmap_section_shape, RoadmapSection, "RoadmapSection",
              {DL_SHAPE_FIELDS(RoadmapSection, (id, uuid), (course_id, uuid), (section_id, uuid),
                               (title, string), (description, string), (is_required, boolean),
                               (position, integer), (status, one_of, {"started", "completed"}),
                               (completed_at, timestamp))})

DL_JSON_SHAPE(roadmap_shape, Roadmap, "Roadmap",
              {DL_SHAPE_FIELDS(Roadmap, (course_id, uuid), (enrollment_id, uuid)),
               {"progress_percent", s::integer(),
                [](const Roadmap& r) { return boost::json::value(r.progress_percent()); }},
               {"completed", s::boolean(),
                [](const Roadmap& r) { return boost::json::value(r.completed()); }},
               http::array_of("sections", roadmap_section_shape(), &Roadmap::sections)})

namespace {

// The course a wishlist entry points at, as much as a wishlist shows.
DL_JSON_SHAPE(
    wishlisted_course_shape, WishlistItem, "WishlistedCourse",
    {{"id", s::uuid(), &WishlistItem::course_id},
     {"slug", s::string(), &WishlistItem::course_slug},
     {"title", s::string(), &WishlistItem::course_title},
     {"price", s::ref(catalog::money_shape()),
      [](const WishlistItem& w) {
        return boost::json::value(catalog::money_json({w.price_amount_minor, w.price_currency}));
      }},
     {"status", s::one_of({"draft", "published", "archived"}), &WishlistItem::course_status}})

}  // namespace

DL_JSON_SHAPE(wishlist_item_shape, WishlistItem, "WishlistItem",
              {DL_SHAPE_FIELDS(WishlistItem, (id, uuid), (course_id, uuid)),
               {"course", s::ref(wishlisted_course_shape()),
                [](const WishlistItem& w) {
                  return boost::json::value(wishlisted_course_shape().render(w));
                }},
               DL_SHAPE_FIELDS(WishlistItem, (added_at, timestamp))})

DL_JSON_SHAPE(activity_shape, ActivityEvent, "ActivityEvent",
              {DL_SHAPE_FIELDS(ActivityEvent, (id, uuid), (kind, string), (course_id, uuid),
                               (subject_id, uuid)),
               {"data", s::any_object(),
                [](const ActivityEvent& a) { return http::object_or_empty(a.data); }},
               DL_SHAPE_FIELDS(ActivityEvent, (created_at, timestamp))})

}  // namespace deltalabs::learning
