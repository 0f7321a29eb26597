#pragma once

#include <boost/json/object.hpp>

#include "http/json_shape.h"
#include "learning/model.h"
#include "platform/activity_log.h"

namespace deltalabs::learning {

// The API shapes of learning objects: one shape per type, so every route
// renders and documents the same object the same way.

// The `kind` of each answer POST /v1/enrollments may give, so a client tells them apart.
inline constexpr const char* kEnrollmentKind = "enrollment";
inline constexpr const char* kSuperCourseEnrollmentKind = "super_course_enrollment";

// An enrollment (kind "enrollment") with its course's title and slug and the
// derived progress percent.
const http::JsonShape<Enrollment>& enrollment_shape();
// {kind: "super_course_enrollment", super_course_id, enrollments: [Enrollment]}:
// one enrollment per member course.
const http::JsonShape<SuperCourseEnrollment>& super_course_enrollment_shape();
// {enrollment_id, course_id, status, progress_percent, required_items,
// completed_required_items, completed_at, items: [{content_item_id, status, started_at,
// completed_at}]}
const http::JsonShape<ProgressReport>& progress_shape();
// {user_id, username, first_name, last_name, member_role, status, since}
const http::JsonShape<CourseMember>& member_shape();
// A roadmap milestone with the caller's status on it.
const http::JsonShape<RoadmapSection>& roadmap_section_shape();
// {course_id, enrollment_id, progress_percent, completed, sections}
const http::JsonShape<Roadmap>& roadmap_shape();
// {id, course_id, course: {id, slug, title, price, status}, added_at}
const http::JsonShape<WishlistItem>& wishlist_item_shape();
// {id, course_id, author_id, author_first_name, author_last_name, title, body, created_at}
const http::JsonShape<Announcement>& announcement_shape();
// {id, kind, course_id, subject_id, data, created_at}
const http::JsonShape<ActivityEvent>& activity_shape();

}  // namespace deltalabs::learning
