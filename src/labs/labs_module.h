#pragma once

#include "core/cursor_codec.h"
#include "http/router.h"
#include "identity/authorization_service.h"
#include "labs/booking_service.h"
#include "labs/hold_sweeper.h"
#include "labs/host_service.h"
#include "labs/lab_access.h"
#include "labs/lab_service.h"
#include "labs/payment_hold_service.h"
#include "labs/payment_holds.h"
#include "labs/slot_seats.h"
#include "labs/waitlist_service.h"
#include "platform/feature_flags.h"
#include "storage/database.h"

namespace deltalabs::labs {

// Settings of the labs domain.
struct LabsOptions {
  // The time bookings and holds run on (deltalabs::now unless a test moves it).
  Clock clock;
  // Bookings: how long a payment hold lasts.
  BookingOptions bookings;
};

// The labs domain wired together: hosts, labs and their slots, bookings,
// waitlists and payment holds (all moving seats through one SlotSeats), with routes. Permissions
// come from identity's AuthorizationService.
class LabsModule {
 public:
  // Builds the services.
  // `durable` is the process's one group commit (decision 0016), shared with learning and commerce;
  // `payments` holds paid bookings' payments as orders (commerce's side, wired by app/);
  // `features` lets an operator turn booking and waitlists off (`labs.enabled`).
  LabsModule(Database& db, CommitDurability& durable, const identity::AuthorizationService& authz,
             const CursorCodec& cursors, PaymentHolds& payments, FeatureFlags& features,
             LabsOptions options);

  // Adds every labs route.
  void register_routes(http::Router& router);

  // Hosts.
  HostService& hosts() { return hosts_; }
  // Labs and slots.
  LabService& labs() { return labs_; }
  // Bookings.
  BookingService& bookings() { return bookings_; }
  // Waitlists of full slots.
  WaitlistService& waitlist() { return waitlist_; }
  // Payment holds of paid bookings (settle_payment and cancel_refunded are commerce's seam).
  PaymentHoldService& payment_holds() { return payment_holds_; }
  // True when the actor hosts a lab as its user: the owner rule of the labs:approve gate.
  Result<bool> hosts_any(const Actor& actor);
  // Starts expiring run-out payment holds in the background while the
  // instance `holder` holds the sweep's lease, taken for `lease` at a time
  // (serve does; CLI commands do not).
  void start_hold_sweeper(const std::string& holder, std::chrono::milliseconds lease) {
    sweeper_.start(holder, lease);
  }
  // Stops the background sweep.
  void stop_hold_sweeper() { sweeper_.stop(); }

 private:
  Database& db_;
  const CursorCodec& cursors_;
  CommitDurability& durable_;
  LabAccess access_;
  HostService hosts_;
  LabService labs_;
  SlotSeats seats_;
  BookingService bookings_;
  WaitlistService waitlist_;
  PaymentHoldService payment_holds_;
  HoldSweeper sweeper_;
};

}  // namespace deltalabs::labs
