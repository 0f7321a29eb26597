#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Rows of lab_availability. Every change to a slot's bookings or waitlist
// runs in one transaction that first takes lock(slot), so seat counts and
// positions read inside it stay true until commit. `now` decides which
// payment holds count as run out in seats_free.
class SlotRepository {
 public:
  // One slot; 404 SLOT_NOT_FOUND when absent.
  static Result<Slot> find(Connection& c, const std::string& id, TimePoint now);
  // The lab's slot starting at `slot_start` (stored form); 404 SLOT_NOT_FOUND.
  static Result<Slot> find_by_start(Connection& c, const std::string& lab_id,
                                    const std::string& slot_start, TimePoint now);
  // A page of the lab's slots overlapping [from, to) (open where absent), in time order.
  static Result<Page<Slot>> list(Connection& c, const std::string& lab_id,
                                 const std::optional<std::string>& from,
                                 const std::optional<std::string>& to, TimePoint now,
                                 const PageRequest& page);
  // How many of the lab's slots overlap [start, end).
  static Result<std::int64_t> count_overlapping(Connection& c, const std::string& lab_id,
                                                const std::string& start, const std::string& end);
  // Inserts a slot; 409 SLOT_OVERLAP when the schema's no-overlap rule refuses it.
  static Result<std::string> insert(Connection& c, const std::string& lab_id,
                                    const SlotInput& input);
  // Locks the slot's row for the rest of the transaction.
  static Status lock(Connection& c, const std::string& id);
  // Takes `seats` when they fit within capacity; false (nothing changed) when they do not.
  static Result<bool> take_seats(Connection& c, const std::string& id, std::int64_t seats);
  // Gives back `seats`.
  static Status release_seats(Connection& c, const std::string& id, std::int64_t seats);
};

}  // namespace deltalabs::labs
