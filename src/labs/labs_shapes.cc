#include "labs/labs_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"
#include "http/shape_fields.h"

namespace deltalabs::labs {

namespace s = http::schema;

namespace {

boost::json::value money(std::int64_t amount_minor, const std::string& currency) {
  return catalog::money_json(catalog::Money{amount_minor, currency});
}

}  // namespace

DL_JSON_SHAPE(host_shape, Host, "Host",
              {DL_SHAPE_FIELDS(Host, (id, uuid), (user_id, uuid), (organization_id, uuid),
                               (name, string), (description, string), (created_at, timestamp))})

DL_JSON_SHAPE(lab_shape, Lab, "Lab",
              {DL_SHAPE_FIELDS(Lab, (id, uuid), (host_id, uuid), (organization_id, uuid),
                               (name, string), (description, string), (location, string),
                               (equipment, array, s::string()), (requires_approval, boolean)),
               {"price", s::ref(catalog::money_shape()),
                [](const Lab& l) { return money(l.price_amount_minor, l.currency); }},
               DL_SHAPE_FIELDS(Lab, (status, one_of, {"active", "inactive"}),
                               (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(slot_shape, Slot, "LabSlot",
              {DL_SHAPE_FIELDS(Slot, (id, uuid), (lab_id, uuid), (slot_start, timestamp),
                               (slot_end, timestamp), (capacity, integer), (seats_taken, integer),
                               (seats_free, integer), (waitlisted, integer),
                               (created_at, timestamp))})

DL_JSON_SHAPE(
    booking_shape, Booking, "LabBooking",
    {DL_SHAPE_FIELDS(Booking, (id, uuid), (availability_id, uuid), (lab_id, uuid),
                     (lab_name, string), (location, string), (user_id, uuid),
                     (slot_start, timestamp), (slot_end, timestamp), (seats, integer),
                     (status, one_of, {"pending", "confirmed", "cancelled", "rejected", "expired"}),
                     (awaiting_approval, boolean), (awaiting_payment, boolean),
                     (hold_expires_at, timestamp)),
     {"amount", s::ref(catalog::money_shape()),
      [](const Booking& b) { return money(b.amount_minor, b.currency); }},
     DL_SHAPE_FIELDS(Booking, (order_id, uuid), (decided_by, uuid), (decided_at, timestamp),
                     (created_at, timestamp), (updated_at, timestamp))})

DL_JSON_SHAPE(waitlist_entry_shape, WaitlistEntry, "LabWaitlistEntry",
              {DL_SHAPE_FIELDS(WaitlistEntry, (id, uuid), (availability_id, uuid), (user_id, uuid),
                               (seats, integer), (position, integer), (created_at, timestamp))})

}  // namespace deltalabs::labs
