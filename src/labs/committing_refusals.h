#pragma once

#include <optional>
#include <utility>

#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::labs {

// True for the answers a booking or waitlist write gives after it has
// looked at the slot (409 SLOT_UNAVAILABLE, ALREADY_BOOKED, BOOKING_PAID, …):
// they leave the database consistent, so the transaction still commits what
// it did on the way (holds it expired, waitlisted users it booked). Any
// other error rolls back.
bool is_refusal(const Error& e);

// Runs fn(Connection&) -> Result<T> in one transaction that commits when fn
// succeeds or refuses (is_refusal), and answers fn's result.
template <class T, class F>
Result<T> committing_refusals(Database& db, F&& fn) {
  std::optional<Error> refused;
  auto done = db.transaction([&](Connection& c) -> Result<std::optional<T>> {
    refused.reset();
    Result<T> r = fn(c);
    if (r.ok()) return std::optional<T>(std::move(r).value());
    if (!is_refusal(r.error())) return std::move(r).error();
    refused = std::move(r).error();
    return std::optional<T>{};
  });
  if (!done.ok()) return std::move(done).error();
  if (refused) return std::move(*refused);
  return std::move(**done);
}

}  // namespace deltalabs::labs
