#pragma once

#include <string>
#include <vector>

#include "core/page.h"
#include "core/result.h"
#include "learning/model.h"
#include "storage/connection.h"

namespace deltalabs::learning {

// Rows of course_announcements, read with their author's name.
class AnnouncementRepository {
 public:
  // Stores a new announcement of `course_id` by `author_id` and returns it.
  static Result<Announcement> insert(Connection& c, const std::string& course_id,
                                     const std::string& author_id, const AnnouncementInput& input);
  // The announcement; 404 ANNOUNCEMENT_NOT_FOUND when there is none.
  static Result<Announcement> find(Connection& c, const std::string& id);
  // A page of the course's announcements, newest first.
  static Result<Page<Announcement>> list(Connection& c, const std::string& course_id,
                                         const PageRequest& page);
  // The user ids told of a new announcement: live enrollments but the author's.
  static Result<std::vector<std::string>> recipients(Connection& c, const std::string& course_id,
                                                     const std::string& author_id);
};

}  // namespace deltalabs::learning
