#pragma once

#include <boost/json/object.hpp>

#include "content/model.h"
#include "content/section_service.h"
#include "http/json_shape.h"

namespace deltalabs::content {

// The API shapes of content objects: one shape per type, so every route
// renders and documents the same object the same way.

// {id, course_id, title, summary, position, item_count, created_at, updated_at}
const http::JsonShape<Section>& section_shape();
// {id, section_id, item_type, title, body (object), is_required, position, created_at, updated_at}
const http::JsonShape<ContentItem>& content_item_shape();
// {course, overview, instructors, syllabus: [{id, title, position, item_count}],
// counts: {sections, items, enrollments}}
const http::JsonShape<CourseIntro>& course_intro_shape();
// {id, course_id, kind, title, url, body (object), created_at}
const http::JsonShape<Supplement>& supplement_shape();
// {id, course_id, title, description, mode, price: Money, stock, created_at, updated_at}
const http::JsonShape<Resource>& resource_shape();
// {id, slug, title, description, status, created_by, section_count, created_at, updated_at}
const http::JsonShape<SuperCourse>& super_course_shape();
// {id, super_course_id, section_id, course_id, title, position, created_at}
const http::JsonShape<SuperCourseSection>& super_course_section_shape();

}  // namespace deltalabs::content
