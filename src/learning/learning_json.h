#pragma once

#include <boost/json/object.hpp>

#include "platform/activity_log.h"
#include "learning/model.h"

namespace deltalabs::learning {

// The API shapes of learning objects: one function per type, so every route
// renders the same object the same way.

// Every enrollment field, with course_title, course_slug and the derived progress_percent.
boost::json::object enrollment_json(const Enrollment& e);
// {super_course_id, enrollments: [...]}
boost::json::object super_course_enrollment_json(const SuperCourseEnrollment& result);
// {enrollment_id, status, progress_percent, required_items, completed_required_items, items}
boost::json::object progress_json(const ProgressReport& report);
// {user_id, username, first_name, last_name, member_role, status, since}
boost::json::object member_json(const CourseMember& m);
// {id, course_id, section_id, title, description, is_required, position, status, completed_at}
boost::json::object roadmap_section_json(const RoadmapSection& s);
// {course_id, enrollment_id, progress_percent, completed, sections}
boost::json::object roadmap_json(const Roadmap& roadmap);
// {id, course_id, course: {id, slug, title, price, status}, added_at}
boost::json::object wishlist_item_json(const WishlistItem& w);
// {id, kind, course_id, subject_id, data, created_at}
boost::json::object activity_json(const ActivityEvent& a);

}  // namespace deltalabs::learning
