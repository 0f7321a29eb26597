#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "engagement/community_membership.h"
#include "engagement/model.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// A course's community events and their RSVPs. Who may do what:
//  - members of the course (CommunityMembership) list and read events and RSVP;
//  - its teaching staff (instructors, editors, TAs) create events (403 otherwise);
//  - "going" takes a seat while fewer than capacity are going, otherwise it
//    waits at the next waitlist position; "interested" holds no seat;
//  - when a going RSVP is withdrawn (DELETE, or changed to interested) the
//    person at waitlist position 1 takes the seat in the same transaction and
//    is notified (event.waitlist_promoted); positions stay dense 1..n.
// Every RSVP change locks the event row first, so concurrent RSVPs see true
// seat counts and positions.
class EventService {
 public:
  EventService(Database& db, const CommunityMembership& membership)
      : db_(db), membership_(membership) {}

  // A page of the course's events, newest first.
  Result<Page<CommunityEvent>> list(const Actor& actor, const std::string& course_id,
                                    const PageRequest& page);
  // Creates an event (teaching staff only); 400 when it ends before it starts.
  Result<CommunityEvent> create(const Actor& actor, const std::string& course_id,
                                const EventInput& input);
  // One event with its counts.
  Result<CommunityEvent> get(const Actor& actor, const std::string& id);
  // The actor's RSVP to the event; 404 RSVP_NOT_FOUND when there is none.
  Result<Rsvp> mine(const Actor& actor, const std::string& event_id);
  // Sets the actor's RSVP to `status` (going or interested).
  Result<Rsvp> rsvp(const Actor& actor, const std::string& event_id, const std::string& status);
  // Withdraws the actor's RSVP; 404 RSVP_NOT_FOUND when there is none.
  Status withdraw(const Actor& actor, const std::string& event_id);

 private:
  Database& db_;
  const CommunityMembership& membership_;
};

}  // namespace deltalabs::engagement
