#include "learning/announcement_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

Result<Announcement> AnnouncementRepository::insert(Connection& c, const std::string& course_id,
                                                    const std::string& author_id,
                                                    const AnnouncementInput& input) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertAnnouncement,
                   {id, course_id, author_id, input.title, input.body, format_rfc3339(now())}));
  return find(c, id);
}

Result<Announcement> AnnouncementRepository::find(Connection& c, const std::string& id) {
  return sql::kAnnouncementTable.find(c, id);
}

Result<Page<Announcement>> AnnouncementRepository::list(Connection& c, const std::string& course_id,
                                                        const PageRequest& page) {
  return sql::kAnnouncementTable.page(c, sql::kListAnnouncements, {course_id}, page);
}

Result<std::vector<std::string>> AnnouncementRepository::recipients(Connection& c,
                                                                    const std::string& course_id,
                                                                    const std::string& author_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kAnnouncementRecipients, {course_id, author_id}));
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].text(0));
  return ids;
}

}  // namespace deltalabs::learning
