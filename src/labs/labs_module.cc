#include "labs/labs_module.h"

#include <algorithm>

#include "labs/booking_handlers.h"
#include "labs/lab_handlers.h"
#include "labs/lab_repository.h"

namespace deltalabs::labs {

namespace {

Clock or_system(Clock clock) {
  if (clock) return clock;
  return [] { return deltalabs::now(); };
}

// A quarter of the hold, between one and thirty seconds: a freed seat
// reaches the waitlist soon after its hold runs out.
std::chrono::milliseconds sweep_interval(std::chrono::seconds hold) {
  const auto quarter = std::chrono::duration_cast<std::chrono::milliseconds>(hold) / 4;
  return std::clamp<std::chrono::milliseconds>(quarter, std::chrono::seconds(1),
                                               std::chrono::seconds(30));
}

}  // namespace

LabsModule::LabsModule(Database& db, CommitDurability& durable,
                       const identity::AuthorizationService& authz, const CursorCodec& cursors,
                       PaymentHolds& payments, FeatureFlags& features, LabsOptions options)
    : db_(db),
      cursors_(cursors),
      durable_(durable),
      access_(authz),
      hosts_(db, access_),
      labs_(db, access_, or_system(options.clock)),
      seats_(BookingTerms(options.bookings), payments),
      bookings_(db, durable_, access_, seats_, features, or_system(options.clock)),
      waitlist_(db, durable_, seats_, features, or_system(options.clock)),
      payment_holds_(db, seats_, or_system(options.clock)),
      sweeper_(db, payment_holds_, sweep_interval(options.bookings.payment_hold)) {}

void LabsModule::register_routes(http::Router& router) {
  register_lab_routes(router, hosts_, labs_, cursors_);
  register_booking_routes(router, bookings_, waitlist_, cursors_);
}

Result<bool> LabsModule::hosts_any(const Actor& actor) {
  if (!actor.authenticated()) return false;
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(std::int64_t n, LabRepository::count_hosted_by(*conn, actor.user_id));
  return n > 0;
}

}  // namespace deltalabs::labs
