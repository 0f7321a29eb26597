#include "engagement/event_service.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/event_repository.h"
#include "platform/notification_log.h"

namespace deltalabs::engagement {

namespace {

// Gives the seat a going RSVP left to the first in line, closes the gap it
// leaves and tells them.
Status promote_next(Connection& c, const CommunityEvent& event) {
  DL_ASSIGN_OR_RETURN(auto first, EventRepository::first_waitlisted(c, event.id));
  if (!first) return {};
  DL_TRY(EventRepository::write_rsvp(c, event.id, first->user_id, "going", std::nullopt, true));
  DL_TRY(EventRepository::close_gap(c, event.id, 1));
  const std::string payload =
      boost::json::serialize(boost::json::object{{"course_id", event.course_id},
                                                 {"event_id", event.id},
                                                 {"event_title", event.title},
                                                 {"starts_at", event.starts_at}});
  DL_TRY(NotificationLog::record(c, first->user_id, "event.waitlist_promoted", payload));
  return {};
}

// Undoes what `before` held: a seat goes to the next in line, a waitlist
// place closes up.
Status release(Connection& c, const CommunityEvent& event, const Rsvp& before) {
  if (before.status == "going") return promote_next(c, event);
  if (before.waitlist_position)
    return EventRepository::close_gap(c, event.id, *before.waitlist_position);
  return {};
}

// The input with its times in the stored form (UTC, milliseconds); 400 when
// the event ends before it starts.
Result<EventInput> normalised(EventInput input) {
  const auto starts = parse_rfc3339(input.starts_at);
  if (!starts)
    return Error::invalid("The request body is not valid.",
                          {{"starts_at", "must be an RFC 3339 timestamp"}});
  input.starts_at = format_rfc3339(*starts);
  if (input.ends_at) {
    const auto ends = parse_rfc3339(*input.ends_at);
    if (!ends || *ends <= *starts) {
      return Error::invalid("The request body is not valid.",
                            {{"ends_at", "must be an RFC 3339 timestamp after starts_at"}});
    }
    input.ends_at = format_rfc3339(*ends);
  }
  return input;
}

}  // namespace

Result<Page<CommunityEvent>> EventService::list(const Actor& actor, const std::string& course_id,
                                                const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_TRY(membership_.require_member(*conn, actor, course_id));
  return EventRepository::list(*conn, canonical_id(course_id), page);
}

Result<CommunityEvent> EventService::create(const Actor& actor, const std::string& course_id,
                                            const EventInput& raw) {
  DL_ASSIGN_OR_RETURN(EventInput input, normalised(raw));
  return db_.transaction([&](Connection& c) -> Result<CommunityEvent> {
    DL_ASSIGN_OR_RETURN(learning::Participation p, membership_.require_member(c, actor, course_id));
    if (!p.staff)
      return Error::forbidden("Only the course's teaching staff create community events.");
    DL_ASSIGN_OR_RETURN(std::string id,
                        EventRepository::insert(c, canonical_id(course_id), actor.user_id, input));
    return EventRepository::find(c, id);
  });
}

Result<CommunityEvent> EventService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CommunityEvent e, EventRepository::find(*conn, canonical_id(id)));
  DL_TRY(membership_.require_member(*conn, actor, e.course_id));
  return e;
}

Result<Rsvp> EventService::mine(const Actor& actor, const std::string& event_id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(CommunityEvent e, EventRepository::find(*conn, canonical_id(event_id)));
  DL_ASSIGN_OR_RETURN(auto rsvp, EventRepository::find_rsvp(*conn, e.id, actor.user_id));
  if (!rsvp) return Error::not_found("rsvp");
  return *rsvp;
}

Result<Rsvp> EventService::rsvp(const Actor& actor, const std::string& event_id,
                                const std::string& status) {
  const std::string id = canonical_id(event_id);
  return db_.transaction([&](Connection& c) -> Result<Rsvp> {
    DL_TRY(EventRepository::lock(c, id));
    DL_ASSIGN_OR_RETURN(CommunityEvent event, EventRepository::find(c, id));
    DL_TRY(membership_.require_member(c, actor, event.course_id));
    DL_ASSIGN_OR_RETURN(auto before, EventRepository::find_rsvp(c, id, actor.user_id));
    const bool holds_place = before && before->status != "interested";
    if (status == "going" && !holds_place) {
      // A seat while one is free, else the next place in line.
      std::optional<std::int64_t> position;
      if (event.going >= event.capacity) {
        DL_ASSIGN_OR_RETURN(std::int64_t last, EventRepository::last_position(c, id));
        position = last + 1;
      }
      DL_TRY(EventRepository::write_rsvp(c, id, actor.user_id, position ? "waitlisted" : "going",
                                         position, before.has_value()));
    } else if (status == "interested" && holds_place) {
      DL_TRY(EventRepository::write_rsvp(c, id, actor.user_id, "interested", std::nullopt, true));
      DL_TRY(release(c, event, *before));
    } else if (!before) {
      DL_TRY(EventRepository::write_rsvp(c, id, actor.user_id, status, std::nullopt, false));
    }
    DL_ASSIGN_OR_RETURN(auto after, EventRepository::find_rsvp(c, id, actor.user_id));
    return *after;
  });
}

Status EventService::withdraw(const Actor& actor, const std::string& event_id) {
  const std::string id = canonical_id(event_id);
  return db_.transaction([&](Connection& c) -> Status {
    DL_TRY(EventRepository::lock(c, id));
    DL_ASSIGN_OR_RETURN(CommunityEvent event, EventRepository::find(c, id));
    // No membership check: a member who left the course may still free their seat.
    DL_ASSIGN_OR_RETURN(auto before, EventRepository::find_rsvp(c, id, actor.user_id));
    if (!before) return Error::not_found("rsvp");
    DL_TRY(EventRepository::remove_rsvp(c, id, actor.user_id));
    return release(c, event, *before);
  });
}

}  // namespace deltalabs::engagement
