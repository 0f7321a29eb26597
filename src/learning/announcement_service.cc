#include "learning/announcement_service.h"

#include <boost/json.hpp>

#include "core/uuid.h"
#include "learning/announcement_repository.h"
#include "platform/notification_log.h"

namespace deltalabs::learning {

namespace {

constexpr const char* kAnnouncedKind = "course.announcement";

Error not_a_member() {
  return Error::forbidden("Only members of the course read its announcements.",
                          "NOT_A_COURSE_MEMBER");
}

}  // namespace

Result<Page<Announcement>> AnnouncementService::list(const Actor& actor,
                                                     const std::string& course_id,
                                                     const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Participation p, enrollments_.participation(*conn, actor, course_id));
  if (!p.member) return not_a_member();
  return AnnouncementRepository::list(*conn, canonical_id(course_id), page);
}

Result<Announcement> AnnouncementService::get(const Actor& actor, const std::string& id) {
  const std::string key = canonical_id(id);
  if (!is_uuid(key)) return Error::not_found("announcement");
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Announcement a, AnnouncementRepository::find(*conn, key));
  // Whoever cannot see the course or takes no part in it learns nothing of it.
  auto p = enrollments_.participation(*conn, actor, a.course_id);
  if (!p.ok() || !p->member) return Error::not_found("announcement");
  return a;
}

Result<Announcement> AnnouncementService::post(const Actor& actor, const std::string& course_id,
                                               const AnnouncementInput& input) {
  return db_.transaction([&](Connection& c) -> Result<Announcement> {
    DL_ASSIGN_OR_RETURN(Participation p, enrollments_.participation(c, actor, course_id));
    if (!p.teaches) {
      return Error::forbidden("Only the course's instructors and editors post announcements.",
                              "NOT_COURSE_INSTRUCTOR");
    }
    DL_ASSIGN_OR_RETURN(Announcement a, AnnouncementRepository::insert(c, canonical_id(course_id),
                                                                       actor.user_id, input));
    const std::string payload = boost::json::serialize(boost::json::object{
        {"announcement_id", a.id}, {"course_id", a.course_id}, {"title", a.title}});
    DL_ASSIGN_OR_RETURN(auto members,
                        AnnouncementRepository::recipients(c, a.course_id, actor.user_id));
    for (const std::string& user_id : members) {
      DL_TRY(NotificationLog::record(c, user_id, kAnnouncedKind, payload));
    }
    return a;
  });
}

}  // namespace deltalabs::learning
