#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "labs/booking_service.h"
#include "labs/waitlist_service.h"

namespace deltalabs::labs {

// Adds the routes of bookings, waitlists and the bookings calendar.
void register_booking_routes(http::Router& router, BookingService& bookings,
                             WaitlistService& waitlist, const CursorCodec& cursors);

}  // namespace deltalabs::labs
