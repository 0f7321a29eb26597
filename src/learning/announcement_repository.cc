#include "learning/announcement_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

namespace {

Announcement announcement_from(const Row& r) { return sql::kAnnouncementRow.read(r); }

}  // namespace

Result<Announcement> AnnouncementRepository::insert(Connection& c, const std::string& course_id,
                                                    const std::string& author_id,
                                                    const AnnouncementInput& input) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertAnnouncement,
                   {id, course_id, author_id, input.title, input.body, format_rfc3339(now())}));
  return find(c, id);
}

Result<Announcement> AnnouncementRepository::find(Connection& c, const std::string& id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kSelectAnnouncement, {id}));
  if (rows.empty()) return Error::not_found("announcement");
  return announcement_from(rows[0]);
}

Result<Page<Announcement>> AnnouncementRepository::list(Connection& c, const std::string& course_id,
                                                        const PageRequest& page) {
  return query_page(c, sql::kListAnnouncements, {course_id}, page, announcement_from);
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
