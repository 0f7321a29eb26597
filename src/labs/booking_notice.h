#pragma once

#include <string>

#include "core/result.h"
#include "labs/model.h"
#include "storage/connection.h"

namespace deltalabs::labs {

// Tells a booker what happened to their booking, through the notification
// log, inside the transaction that changed it.
class BookingNotice {
 public:
  // Records a notification of `kind` (e.g. lab_booking.approved) for the
  // booking's user, carrying the booking's lab, slot and status.
  static Status send(Connection& c, const Booking& b, const std::string& kind);
};

}  // namespace deltalabs::labs
