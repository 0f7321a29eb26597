#include "commerce/fundable_course.h"

#include "core/uuid.h"

namespace deltalabs::commerce {

Result<catalog::Course> fundable_course(Connection& c, catalog::CourseService& courses,
                                        const Actor& actor, const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses.visible(c, actor, canonical_id(course_id)));
  if (course.status != "published")
    return Error::conflict("COURSE_NOT_PUBLISHED", "The course takes no enrollments now.");
  // A free course needs no funding: the learner enrolls directly.
  if (course.price.amount_minor == 0)
    return Error::conflict("COURSE_IS_FREE", "The course is free: enroll directly.");
  return course;
}

}  // namespace deltalabs::commerce
