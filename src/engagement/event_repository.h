#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/page.h"
#include "core/result.h"
#include "engagement/model.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// Rows of community events and their RSVPs. Every RSVP change of an event
// runs in one transaction that first takes lock(event), so seat counts and
// waitlist positions read inside it stay true until commit.
class EventRepository {
 public:
  // One event with its going, waitlisted and interested counts; 404 EVENT_NOT_FOUND when absent.
  static Result<CommunityEvent> find(Connection& c, const std::string& id);
  // A page of a course's events, newest first.
  static Result<Page<CommunityEvent>> list(Connection& c, const std::string& course_id,
                                           const PageRequest& page);
  // Inserts an event and returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const std::string& organizer_id, const EventInput& input);
  // Locks the event's row for the rest of the transaction; 404 when it does not exist.
  static Status lock(Connection& c, const std::string& id);
  // How many RSVPs of the event are going.
  static Result<std::int64_t> count_going(Connection& c, const std::string& event_id);
  // The last waitlist position taken (0 when nobody waits).
  static Result<std::int64_t> last_position(Connection& c, const std::string& event_id);
  // The user's RSVP to the event, if any.
  static Result<std::optional<Rsvp>> find_rsvp(Connection& c, const std::string& event_id,
                                               const std::string& user_id);
  // The RSVP at waitlist position 1, if anyone waits.
  static Result<std::optional<Rsvp>> first_waitlisted(Connection& c, const std::string& event_id);
  // Inserts or changes the user's RSVP (`exists` says which).
  static Status write_rsvp(Connection& c, const std::string& event_id, const std::string& user_id,
                           const std::string& status, std::optional<std::int64_t> position,
                           bool exists);
  // Removes the user's RSVP.
  static Status remove_rsvp(Connection& c, const std::string& event_id, const std::string& user_id);
  // Moves everyone waiting behind `position` one place forward.
  static Status close_gap(Connection& c, const std::string& event_id, std::int64_t position);
};

}  // namespace deltalabs::engagement
