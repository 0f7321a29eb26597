#include "platform/activity_log.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/sql_text.h"

namespace deltalabs {

namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO activity_events (id, user_id, kind, course_id, subject_id, data, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
// Ids are UUIDv7, so "before this id" is "older than this event".
constexpr auto kEventRow = row_mapping<ActivityEvent>({
    {"id", &ActivityEvent::id},
    {"kind", &ActivityEvent::kind},
    {"course_id", &ActivityEvent::course_id},
    {"subject_id", &ActivityEvent::subject_id},
    {"data", &ActivityEvent::data},
    {"created_at", &ActivityEvent::created_at},
});
constexpr auto kListEvents =
    sql_concat("SELECT ", column_list<kEventRow>(),
               " FROM activity_events WHERE user_id = $1 AND ($2 = '' OR CAST(course_id AS TEXT) = "
               "$2) AND " DL_KEYSET_DESC(id, 3, 4));

}  // namespace

Status ActivityLog::record(Connection& c, const std::string& user_id, const ActivityEvent& event) {
  DL_TRY(c.execute(kInsertEvent, {new_uuid_v7(), user_id, event.kind, event.course_id,
                                  event.subject_id, event.data, format_rfc3339(now())}));
  return {};
}

Result<Page<ActivityEvent>> ActivityLog::list(Connection& c, const std::string& user_id,
                                              const std::optional<std::string>& course_id,
                                              const PageRequest& page) {
  return query_page(c, kListEvents, {user_id, course_id.value_or("")}, page,
                    [](const Row& r) { return kEventRow.read(r); });
}

}  // namespace deltalabs
