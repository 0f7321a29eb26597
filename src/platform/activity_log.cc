#include "platform/activity_log.h"

#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO activity_events (id, user_id, kind, course_id, subject_id, data, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
// Ids are UUIDv7, so "before this id" is "older than this event".
constexpr const char* kListEvents =
    "SELECT id, kind, course_id, subject_id, data, created_at FROM activity_events "
    "WHERE user_id = $1 AND ($2 = '' OR CAST(course_id AS TEXT) = $2) "
    "AND ($3 = '' OR CAST(id AS TEXT) < $3) "
    "ORDER BY id DESC LIMIT $4";

}  // namespace

Status ActivityLog::record(Connection& c, const std::string& user_id, const ActivityEvent& event) {
  DL_TRY(c.execute(kInsertEvent, {new_uuid_v7(), user_id, event.kind, event.course_id,
                                  event.subject_id, event.data, format_rfc3339(now())}));
  return {};
}

Result<Page<ActivityEvent>> ActivityLog::list(Connection& c, const std::string& user_id,
                                              const std::optional<std::string>& course_id,
                                              const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(kListEvents, {user_id, course_id.value_or(""),
                                                         page.after, page.limit + 1}));
  std::vector<ActivityEvent> events;
  events.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    events.push_back(
        {r.text(0), r.text(1), r.optional_text(2), r.optional_text(3), r.text(4), r.text(5)});
  }
  return make_page(std::move(events), page.limit, [](const ActivityEvent& e) { return e.id; });
}

}  // namespace deltalabs
