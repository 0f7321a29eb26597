#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "learning/enrollment_service.h"
#include "learning/model.h"
#include "storage/database.h"

namespace deltalabs::learning {

// Course announcements. A course's members (as EnrollmentService::participation
// decides) read them; its instructors and editors post them, and posting
// notifies every other enrolled member in the same transaction, so a
// notification exists exactly when its announcement does.
class AnnouncementService {
 public:
  AnnouncementService(Database& db, EnrollmentService& enrollments)
      : db_(db), enrollments_(enrollments) {}

  // A page of the course's announcements, newest first; 404 when the actor
  // cannot see the course, 403 NOT_A_COURSE_MEMBER when they take no part.
  Result<Page<Announcement>> list(const Actor& actor, const std::string& course_id,
                                  const PageRequest& page);
  // One announcement, for members of its course (404 for anyone else).
  Result<Announcement> get(const Actor& actor, const std::string& id);
  // Posts an announcement as an instructor or editor of the course (403
  // NOT_COURSE_INSTRUCTOR otherwise) and notifies each enrolled member but the author.
  Result<Announcement> post(const Actor& actor, const std::string& course_id,
                            const AnnouncementInput& input);

 private:
  Database& db_;
  EnrollmentService& enrollments_;
};

}  // namespace deltalabs::learning
