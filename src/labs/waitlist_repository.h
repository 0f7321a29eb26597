#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Rows of lab_waitlist; positions of a slot stay dense 1..n. Called inside
// the transaction that holds the slot's lock (SlotRepository::lock).
class WaitlistRepository {
 public:
  // One entry; 404 WAITLIST_ENTRY_NOT_FOUND when absent.
  static Result<WaitlistEntry> find(Connection& c, const std::string& id);
  // The user's entry for the slot, if any.
  static Result<std::optional<WaitlistEntry>> of_user(Connection& c,
                                                      const std::string& availability_id,
                                                      const std::string& user_id);
  // The entry at position 1, if anyone waits.
  static Result<std::optional<WaitlistEntry>> first(Connection& c,
                                                    const std::string& availability_id);
  // Appends the user at the next position and returns the entry's id.
  static Result<std::string> append(Connection& c, const std::string& availability_id,
                                    const std::string& user_id, std::int64_t seats);
  // Removes the entry and moves everyone behind it one place forward.
  static Status remove(Connection& c, const WaitlistEntry& entry);
};

}  // namespace deltalabs::labs
