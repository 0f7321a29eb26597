#pragma once

#include <string>

#include "catalog/course_service.h"
#include "core/actor.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// The course a financial aid application or a sponsorship request may be for:
// one `actor` may see (inside the caller's transaction), published and paid.
// 404 COURSE_NOT_FOUND, 409 COURSE_NOT_PUBLISHED, 409 COURSE_IS_FREE.
Result<catalog::Course> fundable_course(Connection& c, catalog::CourseService& courses,
                                        const Actor& actor, const std::string& course_id);

}  // namespace deltalabs::commerce
