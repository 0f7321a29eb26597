#include "labs/booking_handlers.h"

#include "core/uuid.h"
#include "http/pagination.h"
#include "http/path_param.h"
#include "http/route_group.h"
#include "labs/booking_calendar.h"
#include "labs/labs_shapes.h"

namespace deltalabs::labs {

namespace {

const BodySchema& seats_body() {
  static const BodySchema schema{
      field::timestamp("slot_start")
          .required()
          .describe("the start of one of the lab's slots")
          .into(&BookingRequest::slot_start),
      field::integer("seats").range(1, 100).describe("default 1").into(&BookingRequest::seats)};
  return schema;
}

// A POST on a booking (its full path) that answers the booking after it.
void add_booking_action(const http::RouteGroup& g, const char* path, std::string summary,
                        std::string permission,
                        std::function<Result<Booking>(const Actor&, const std::string&)> run) {
  g.post({.path = path,
          .summary = std::move(summary),
          .permission = std::move(permission),
          .responses = {200, 403, 404, 409},
          .idempotency = http::Idempotency::kOptional},
         booking_shape(),
         [run](http::Request& req) { return run(req.caller(), http::path_param(req)); });
}

void register_booking_writes(http::Router& router, BookingService& bookings) {
  const http::RouteGroup g(router, "Labs");
  g.add({.method = http::Method::kPost,
         .path = "/v1/labs/:id/bookings",
         .handler = [&bookings](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(Booking b, bookings.book(req.caller(), http::path_param(req),
                                                        http::body_as<BookingRequest>(req)));
           return http::Response::json(201, booking_shape().render(b))
               .header("Location", "/v1/bookings/" + b.id);
         },
         .summary =
             "Book seats in the slot starting at slot_start: never more than its capacity, "
             "even under concurrent requests (409 SLOT_UNAVAILABLE); pending while the lab "
             "needs approval or payment (a paid booking's seats are held until "
             "hold_expires_at, and order_id names its pending order: marking it paid "
             "confirms the booking); 409 SLOT_STARTED for a slot in the past, ALREADY_BOOKED",
         .body = http::json_body(seats_body()),
         .responses = {201, 404, 409, 503},
         .returns = http::schema::ref(booking_shape()),
         .idempotency = http::Idempotency::kOptional});

  add_booking_action(g, "/v1/bookings/:id/approve",
                     "Approve a booking awaiting approval (the lab's host and managers, holders "
                     "of labs:approve such as its organization's lab assistants); the booker is "
                     "notified; 409 BOOKING_NOT_PENDING",
                     "labs:approve", [&bookings](const Actor& a, const std::string& id) {
                       return bookings.approve(a, id);
                     });
  add_booking_action(g, "/v1/bookings/:id/reject",
                     "Reject a booking awaiting approval (as approve); its seats go to the "
                     "waitlist and an unpaid hold's order is cancelled; the booker is "
                     "notified; 409 BOOKING_PAID once paid (refund its order instead)",
                     "labs:approve", [&bookings](const Actor& a, const std::string& id) {
                       return bookings.reject(a, id);
                     });
  add_booking_action(
      g, "/v1/bookings/:id/cancel",
      "Cancel a pending or confirmed booking before its slot starts (its booker or an approver); "
      "the first in the waitlist takes the seats in the same transaction and is notified; an "
      "unpaid "
      "hold's order is cancelled; 409 BOOKING_NOT_ACTIVE, SLOT_STARTED, BOOKING_PAID (a paid "
      "booking is given back by refunding its order)",
      "", [&bookings](const Actor& a, const std::string& id) { return bookings.cancel(a, id); });
}

void register_booking_reads(http::Router& router, BookingService& bookings,
                            const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Labs");
  g.add({.method = http::Method::kGet,
         .path = "/v1/bookings",
         .handler = [&bookings, &cursors](http::Request& req) -> Result<http::Response> {
           auto lab_id = req.query("lab_id");
           if (lab_id && !is_uuid(*lab_id))
             return Error::invalid("The query is not valid.", {{"lab_id", "must be a UUID"}});
           DL_ASSIGN_OR_RETURN(PageRequest page, http::read_page_request(req, cursors));
           DL_ASSIGN_OR_RETURN(auto result, bookings.list(req.caller(), lab_id, page));
           return http::page_response(result, booking_shape(), cursors);
         },
         .summary = "My lab bookings, newest first; with lab_id, that lab's bookings (its "
                    "host, managers and approvers)",
         .query = http::page_query({{"lab_id", "string", "a lab whose bookings you run"}}),
         .responses = {200, 403, 404},
         .returns = http::schema::page_of(booking_shape())});

  g.add({.method = http::Method::kGet,
         .path = "/v1/bookings/calendar.ics",
         .handler = [&bookings](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(auto mine, bookings.calendar(req.caller()));
           return http::Response::text(200, BookingCalendar::render(mine, now()),
                                       "text/calendar; charset=utf-8");
         },
         .summary = "My pending and confirmed lab bookings as an iCalendar (RFC 5545) feed",
         .produces = "text/calendar"});

  g.add({.method = http::Method::kGet,
         .path = "/v1/bookings/:id",
         .handler = [&bookings](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(Booking b, bookings.get(req.caller(), http::path_param(req)));
           return http::Response::json(200, booking_shape().render(b));
         },
         .summary = "One booking (its booker, or the lab's host, managers and approvers)",
         .responses = {200, 404},
         .returns = http::schema::ref(booking_shape())});
}

void register_waitlist_routes(http::Router& router, WaitlistService& waitlist) {
  const http::RouteGroup g(router, "Labs");
  g.add({.method = http::Method::kPost,
         .path = "/v1/labs/:id/waitlist",
         .handler = [&waitlist](http::Request& req) -> Result<http::Response> {
           DL_ASSIGN_OR_RETURN(WaitlistEntry w, waitlist.join(req.caller(), http::path_param(req),
                                                              http::body_as<BookingRequest>(req)));
           return http::Response::json(201, waitlist_entry_shape().render(w))
               .header("Location", "/v1/lab-waitlist/" + w.id);
         },
         .summary = "Wait in line for seats in a full slot; when seats free, the first in "
                    "line is booked and notified; 409 SEATS_AVAILABLE (book instead), "
                    "ALREADY_BOOKED, ALREADY_WAITLISTED, SLOT_STARTED",
         .body = http::json_body(seats_body()),
         .responses = {201, 404, 409, 503},
         .returns = http::schema::ref(waitlist_entry_shape()),
         .idempotency = http::Idempotency::kOptional});

  g.add({.method = http::Method::kDelete,
         .path = "/v1/lab-waitlist/:id",
         .handler = [&waitlist](http::Request& req) -> Result<http::Response> {
           DL_TRY(waitlist.leave(req.caller(), http::path_param(req)));
           return http::Response::no_content();
         },
         .summary = "Leave a slot's waitlist (your own place only)",
         .responses = {204, 404}});
}

}  // namespace

void register_booking_routes(http::Router& router, BookingService& bookings,
                             WaitlistService& waitlist, const CursorCodec& cursors) {
  register_booking_writes(router, bookings);
  register_booking_reads(router, bookings, cursors);
  register_waitlist_routes(router, waitlist);
}

}  // namespace deltalabs::labs
