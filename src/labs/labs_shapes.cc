#include "labs/labs_shapes.h"

#include <boost/json.hpp>

#include "catalog/catalog_shapes.h"

namespace deltalabs::labs {

namespace s = http::schema;

namespace {

boost::json::value money(std::int64_t amount_minor, const std::string& currency) {
  return catalog::money_json(catalog::Money{amount_minor, currency});
}

}  // namespace

const http::JsonShape<Host>& host_shape() {
  static const http::JsonShape<Host> shape("Host",
                                           {{"id", s::uuid(), &Host::id},
                                            {"user_id", s::uuid(), &Host::user_id},
                                            {"organization_id", s::uuid(), &Host::organization_id},
                                            {"name", s::string(), &Host::name},
                                            {"description", s::string(), &Host::description},
                                            {"created_at", s::timestamp(), &Host::created_at}});
  return shape;
}

const http::JsonShape<Lab>& lab_shape() {
  static const http::JsonShape<Lab> shape(
      "Lab", {{"id", s::uuid(), &Lab::id},
              {"host_id", s::uuid(), &Lab::host_id},
              {"organization_id", s::uuid(), &Lab::organization_id},
              {"name", s::string(), &Lab::name},
              {"description", s::string(), &Lab::description},
              {"location", s::string(), &Lab::location},
              {"equipment", s::array(s::string()), &Lab::equipment},
              {"requires_approval", s::boolean(), &Lab::requires_approval},
              {"price", s::ref(catalog::money_shape()),
               [](const Lab& l) { return money(l.price_amount_minor, l.currency); }},
              {"status", s::one_of({"active", "inactive"}), &Lab::status},
              {"created_at", s::timestamp(), &Lab::created_at},
              {"updated_at", s::timestamp(), &Lab::updated_at}});
  return shape;
}

const http::JsonShape<Slot>& slot_shape() {
  static const http::JsonShape<Slot> shape("LabSlot",
                                           {{"id", s::uuid(), &Slot::id},
                                            {"lab_id", s::uuid(), &Slot::lab_id},
                                            {"slot_start", s::timestamp(), &Slot::slot_start},
                                            {"slot_end", s::timestamp(), &Slot::slot_end},
                                            {"capacity", s::integer(), &Slot::capacity},
                                            {"seats_taken", s::integer(), &Slot::seats_taken},
                                            {"seats_free", s::integer(), &Slot::seats_free},
                                            {"waitlisted", s::integer(), &Slot::waitlisted},
                                            {"created_at", s::timestamp(), &Slot::created_at}});
  return shape;
}

const http::JsonShape<Booking>& booking_shape() {
  static const http::JsonShape<Booking> shape(
      "LabBooking",
      {{"id", s::uuid(), &Booking::id},
       {"availability_id", s::uuid(), &Booking::availability_id},
       {"lab_id", s::uuid(), &Booking::lab_id},
       {"lab_name", s::string(), &Booking::lab_name},
       {"location", s::string(), &Booking::location},
       {"user_id", s::uuid(), &Booking::user_id},
       {"slot_start", s::timestamp(), &Booking::slot_start},
       {"slot_end", s::timestamp(), &Booking::slot_end},
       {"seats", s::integer(), &Booking::seats},
       {"status", s::one_of({"pending", "confirmed", "cancelled", "rejected", "expired"}),
        &Booking::status},
       {"awaiting_approval", s::boolean(), &Booking::awaiting_approval},
       {"awaiting_payment", s::boolean(), &Booking::awaiting_payment},
       {"hold_expires_at", s::timestamp(), &Booking::hold_expires_at},
       {"amount", s::ref(catalog::money_shape()),
        [](const Booking& b) { return money(b.amount_minor, b.currency); }},
       {"order_id", s::uuid(), &Booking::order_id},
       {"decided_by", s::uuid(), &Booking::decided_by},
       {"decided_at", s::timestamp(), &Booking::decided_at},
       {"created_at", s::timestamp(), &Booking::created_at},
       {"updated_at", s::timestamp(), &Booking::updated_at}});
  return shape;
}

const http::JsonShape<WaitlistEntry>& waitlist_entry_shape() {
  static const http::JsonShape<WaitlistEntry> shape(
      "LabWaitlistEntry", {{"id", s::uuid(), &WaitlistEntry::id},
                           {"availability_id", s::uuid(), &WaitlistEntry::availability_id},
                           {"user_id", s::uuid(), &WaitlistEntry::user_id},
                           {"seats", s::integer(), &WaitlistEntry::seats},
                           {"position", s::integer(), &WaitlistEntry::position},
                           {"created_at", s::timestamp(), &WaitlistEntry::created_at}});
  return shape;
}

}  // namespace deltalabs::labs
