#include "labs/committing_refusals.h"

namespace deltalabs::labs {

bool is_refusal(const Error& e) {
  static const char* const kRefusals[] = {
      "SLOT_UNAVAILABLE", "ALREADY_BOOKED",      "ALREADY_WAITLISTED",
      "SEATS_AVAILABLE",  "BOOKING_NOT_PENDING", "BOOKING_NOT_ACTIVE",
      "SLOT_STARTED",     "LAB_INACTIVE",        "BOOKING_PAID"};
  if (e.kind != ErrorKind::kConflict || !e.cause.empty()) return false;
  for (const char* code : kRefusals)
    if (e.code == code) return true;
  return false;
}

}  // namespace deltalabs::labs
