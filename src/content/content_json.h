#pragma once

#include <boost/json/object.hpp>

#include "content/model.h"
#include "content/section_service.h"

namespace deltalabs::content {

// The API shapes of content objects, one function per type.

// {id, course_id, title, summary, position, item_count, created_at, updated_at}
boost::json::object section_json(const Section& section);
// {id, section_id, item_type, title, body (object), is_required, position, created_at, updated_at}
boost::json::object content_item_json(const ContentItem& item);
// {course, instructors, syllabus: [{id, title, position, item_count}], counts: {sections, items,
// enrollments}}
boost::json::object course_intro_json(const CourseIntro& intro);

// {id, course_id, kind, title, url, body (object), created_at}
boost::json::object supplement_json(const Supplement& supplement);
// {id, course_id, title, description, mode, price: {amount_minor, currency}, stock, created_at,
// updated_at}
boost::json::object resource_json(const Resource& resource);

// {id, slug, title, description, status, created_by, section_count, created_at, updated_at}
boost::json::object super_course_json(const SuperCourse& course);
// {id, super_course_id, section_id, course_id, title, position, created_at}
boost::json::object super_course_section_json(const SuperCourseSection& section);

}  // namespace deltalabs::content
