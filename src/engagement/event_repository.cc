#include "engagement/event_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

Result<CommunityEvent> EventRepository::find(Connection& c, const std::string& id) {
  return sql::kEventTable.find(c, id);
}

Result<Page<CommunityEvent>> EventRepository::list(Connection& c, const std::string& course_id,
                                                   const PageRequest& page) {
  return sql::kEventTable.page(c, sql::kListEvents, {course_id}, page);
}

Result<std::string> EventRepository::insert(Connection& c, const std::string& course_id,
                                            const std::string& organizer_id,
                                            const EventInput& input) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertEvent,
                   {id, course_id, organizer_id, input.title, input.description, input.location,
                    input.capacity, input.starts_at, input.ends_at, format_rfc3339(now())}));
  return id;
}

Status EventRepository::lock(Connection& c, const std::string& id) {
  if (!is_uuid(id)) return Error::not_found("event");
  DL_ASSIGN_OR_RETURN(std::int64_t locked, c.execute(sql::kLockEvent, {id}));
  if (locked == 0) return Error::not_found("event");
  return {};
}

Result<std::int64_t> EventRepository::count_going(Connection& c, const std::string& event_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kCountGoing, {event_id}));
  return rows[0].integer(0);
}

Result<std::int64_t> EventRepository::last_position(Connection& c, const std::string& event_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kLastWaitlistPosition, {event_id}));
  return rows[0].integer(0);
}

Result<std::optional<Rsvp>> EventRepository::find_rsvp(Connection& c, const std::string& event_id,
                                                       const std::string& user_id) {
  return sql::kRsvpTable.first(c, sql::kSelectRsvp, {event_id, user_id});
}

Result<std::optional<Rsvp>> EventRepository::first_waitlisted(Connection& c,
                                                              const std::string& event_id) {
  return sql::kRsvpTable.first(c, sql::kFirstWaitlisted, {event_id});
}

Status EventRepository::write_rsvp(Connection& c, const std::string& event_id,
                                   const std::string& user_id, const std::string& status,
                                   std::optional<std::int64_t> position, bool exists) {
  const std::string at = format_rfc3339(now());
  if (exists) {
    DL_TRY(c.execute(sql::kUpdateRsvp, {event_id, user_id, status, position, at}));
  } else {
    DL_TRY(c.execute(sql::kInsertRsvp, {new_uuid_v7(), event_id, user_id, status, position, at}));
  }
  return {};
}

Status EventRepository::remove_rsvp(Connection& c, const std::string& event_id,
                                    const std::string& user_id) {
  DL_TRY(c.execute(sql::kDeleteRsvp, {event_id, user_id}));
  return {};
}

Status EventRepository::close_gap(Connection& c, const std::string& event_id,
                                  std::int64_t position) {
  DL_TRY(c.execute(sql::kShiftWaitlistOut, {event_id, position}));
  DL_TRY(c.execute(sql::kShiftWaitlistIn, {event_id}));
  return {};
}

}  // namespace deltalabs::engagement
