// BookingTerms, the booking rules that need no database: requested slot
// starts, slots that have started, the state a new booking starts in, and a
// payment hold that reads as expired from its hold_expires_at on.

#include <gtest/gtest.h>

#include "labs/booking_terms.h"

namespace deltalabs::labs {
namespace {

TEST(BookingTerms, StoresASlotStartInUtcAndRefusesAMalformedOne) {
  EXPECT_EQ(BookingTerms::slot_start({"2027-01-15T18:30:00+01:00", 1}).value(),
            "2027-01-15T17:30:00.000Z");
  const auto bad = BookingTerms::slot_start({"tomorrow", 1});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
}

TEST(BookingTerms, ASlotIsOpenOnlyBeforeItsStart) {
  const TimePoint at = *parse_rfc3339("2027-01-15T10:00:00Z");
  Slot slot;
  slot.slot_start = "2027-01-15T10:00:01Z";
  EXPECT_TRUE(BookingTerms::open(slot, at).ok());
  slot.slot_start = "2027-01-15T10:00:00Z";
  EXPECT_EQ(BookingTerms::open(slot, at).error().code, "SLOT_STARTED");
  slot.slot_start = "not a time";
  EXPECT_EQ(BookingTerms::open(slot, at).error().code, "SLOT_STARTED");
}

TEST(BookingTerms, ANewBookingIsPendingWhileItAwaitsApprovalOrPayment) {
  const BookingTerms terms(BookingOptions{std::chrono::minutes(15)});
  const TimePoint at = *parse_rfc3339("2027-01-15T10:00:00Z");
  Lab free_lab;
  const NewBooking free = terms.of(free_lab, "slot", "user", 2, at);
  EXPECT_EQ(free.status, "confirmed");
  EXPECT_FALSE(free.awaiting_payment);
  EXPECT_FALSE(free.hold_expires_at);
  Lab paid = free_lab;
  paid.price_amount_minor = 900;
  paid.currency = "EUR";
  const NewBooking held = terms.of(paid, "slot", "user", 2, at);
  EXPECT_EQ(held.status, "pending");
  EXPECT_EQ(held.amount_minor, 1800);
  EXPECT_EQ(held.currency, "EUR");
  EXPECT_EQ(held.hold_expires_at, "2027-01-15T10:15:00.000Z");
  Lab approved = free_lab;
  approved.requires_approval = true;
  const NewBooking asked = terms.of(approved, "slot", "user", 1, at);
  EXPECT_EQ(asked.status, "pending");
  EXPECT_TRUE(asked.awaiting_approval);
  EXPECT_FALSE(asked.awaiting_payment);
}

TEST(BookingTerms, AHoldReadsAsExpiredFromItsTimeOn) {
  Booking b;
  b.status = "pending";
  b.awaiting_payment = true;
  b.hold_expires_at = "2027-01-15T10:15:00.000Z";
  const TimePoint until = *parse_rfc3339(*b.hold_expires_at);
  EXPECT_EQ(BookingTerms::seen(b, until - std::chrono::milliseconds(1)).status, "pending");
  EXPECT_EQ(BookingTerms::seen(b, until).status, "expired");
  b.awaiting_payment = false;  // paid: the hold no longer runs
  EXPECT_EQ(BookingTerms::seen(b, until).status, "pending");
}

}  // namespace
}  // namespace deltalabs::labs
