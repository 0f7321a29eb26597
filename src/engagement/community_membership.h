#pragma once

#include <string>

#include "core/actor.h"
#include "core/result.h"
#include "learning/enrollment_service.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// The rule every engagement use case starts from: a course's Q&A,
// discussions and events are for its members (enrolled learners, TAs,
// instructors, editors), as the learning domain defines them.
class CommunityMembership {
 public:
  explicit CommunityMembership(learning::EnrollmentService& enrollments)
      : enrollments_(enrollments) {}

  // Inside a transaction: how the actor takes part in the course; 404 when
  // they may not see it, 403 NOT_A_COURSE_MEMBER when they are no member.
  Result<learning::Participation> require_member(Connection& c, const Actor& actor,
                                                 const std::string& course_id) const {
    DL_ASSIGN_OR_RETURN(learning::Participation p, enrollments_.participation(c, actor, course_id));
    if (!p.member) {
      return Error::forbidden("Only members of the course take part in its community.",
                              "NOT_A_COURSE_MEMBER");
    }
    return p;
  }

 private:
  learning::EnrollmentService& enrollments_;
};

}  // namespace deltalabs::engagement
