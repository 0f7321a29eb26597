// Lab bookings against a moved clock: a payment hold expires exactly at
// hold_expires_at and frees its seat, first for whoever waits in line, then
// for the next booking; settle_payment (commerce's seam, PaymentHoldService) confirms a live
// hold and refuses one that ran out. Runs on SQLite always and on PostgreSQL
// when DELTALABS_TEST_PG names a server. BookingCalendar's text rules are
// checked on their own first.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "ai/feature_config_service.h"
#include "app/lab_order_holds.h"
#include "core/crypto.h"
#include "fresh_database_fixture.h"
#include "identity/admin_bootstrap.h"
#include "identity/authorization_service.h"
#include "identity/password_hasher.h"
#include "labs/booking_calendar.h"
#include "labs/labs_module.h"
#include "storage/database.h"
#include "storage/migrator.h"

namespace deltalabs::labs {
namespace {

TEST(BookingCalendar, EscapesTextFoldsLongLinesAndWritesUtcDateTimes) {
  EXPECT_EQ(BookingCalendar::text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  EXPECT_EQ(BookingCalendar::date_time("2027-01-15T18:30:05.250+01:00"), "20270115T173005Z");
  EXPECT_EQ(BookingCalendar::date_time("not a time"), "");
  const std::string folded = BookingCalendar::fold("SUMMARY:" + std::string(100, 'x'));
  EXPECT_EQ(folded, "SUMMARY:" + std::string(67, 'x') + "\r\n " + std::string(33, 'x') + "\r\n");
  // A fold never splits a UTF-8 sequence: 74 ASCII octets, then a 2-octet letter moves down whole.
  // (Whole strings on both sides of +: GCC 12 sees a false -Warray-bounds in string&& + literal.)
  const std::string run(74, 'a');
  const std::string umlaut = BookingCalendar::fold(run + std::string("\xC3\xA4"));
  EXPECT_EQ(umlaut, run + std::string("\r\n \xC3\xA4\r\n"));
}

class LabBookingsTest : public FreshDatabaseTest {
 protected:
  void SetUp() override {
    open_fresh("labs", 4);
    if (IsSkipped() || HasFatalFailure()) return;
    Migrator migrator(*db_);
    ASSERT_TRUE(migrator.migrate().ok());
    authz_ = std::make_unique<identity::AuthorizationService>(*db_);
    cursors_ = std::make_unique<CursorCodec>("labs-test");
    durable_ = std::make_unique<CommitDurability>(*db_);
    // The real seams: paid holds open and cancel their orders through
    // commerce, and the `labs.enabled` flag is read (unset: on).
    features_ = std::make_unique<ai::FeatureConfigService>(*db_, *authz_);
    labs_ = std::make_unique<LabsModule>(
        *db_, *durable_, *authz_, *cursors_, order_holds_, *features_,
        LabsOptions{[this] { return clock_; }, {std::chrono::minutes(15)}});
    for (const char* name : {"host", "first", "second", "third"}) users_.push_back(account(name));
  }

  void TearDown() override {
    labs_.reset();
    features_.reset();
    durable_.reset();
    close_fresh();
  }

  Actor account(const std::string& name) {
    identity::PasswordHasher hasher;
    auto made = identity::bootstrap_account(*db_, hasher, name + "@labs.test",
                                            "correct horse battery staple", "student");
    EXPECT_TRUE(made.ok());
    Actor a;
    a.user_id = made->user_id;
    return a;
  }

  // A paid lab of users_[0] with one one-seat slot tomorrow; returns {lab id, slot start}.
  std::pair<std::string, std::string> paid_slot() {
    auto host = labs_->hosts().create(users_[0], {std::nullopt, "Host", ""});
    EXPECT_TRUE(host.ok());
    LabFields f;
    f.name = "Paid lab";
    f.price_amount_minor = 900;
    auto lab = labs_->labs().create(users_[0], host->id, f);
    EXPECT_TRUE(lab.ok());
    auto slot = labs_->labs().add_slot(users_[0], lab->id,
                                       {format_rfc3339(clock_ + std::chrono::hours(24)),
                                        format_rfc3339(clock_ + std::chrono::hours(25)), 1});
    EXPECT_TRUE(slot.ok());
    return {lab->id, slot->slot_start};
  }

  std::unique_ptr<identity::AuthorizationService> authz_;
  std::unique_ptr<CursorCodec> cursors_;
  std::unique_ptr<CommitDurability> durable_;
  LabOrderHolds order_holds_;
  std::unique_ptr<ai::FeatureConfigService> features_;
  std::unique_ptr<LabsModule> labs_;
  std::vector<Actor> users_;
  TimePoint clock_ = std::chrono::floor<std::chrono::seconds>(now());
};

TEST_P(LabBookingsTest, AHoldExpiresAtItsTimeAndItsSeatGoesToTheFirstInLineThenToBookings) {
  const auto [lab_id, start] = paid_slot();
  BookingService& bookings = labs_->bookings();
  auto held = bookings.book(users_[1], lab_id, {start, 1});
  ASSERT_TRUE(held.ok()) << held.error().message;
  EXPECT_EQ(held->status, "pending");
  EXPECT_EQ(held->hold_expires_at, format_rfc3339(clock_ + std::chrono::minutes(15)));
  auto full = bookings.book(users_[2], lab_id, {start, 1});
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().code, "SLOT_UNAVAILABLE");
  ASSERT_TRUE(labs_->waitlist().join(users_[3], lab_id, {start, 1}).ok());

  clock_ += std::chrono::minutes(15) - std::chrono::milliseconds(1);  // not yet
  EXPECT_EQ(bookings.get(users_[1], held->id)->status, "pending");
  EXPECT_EQ(bookings.book(users_[2], lab_id, {start, 1}).error().code, "SLOT_UNAVAILABLE");

  clock_ += std::chrono::milliseconds(1);  // exactly at hold_expires_at
  EXPECT_EQ(bookings.get(users_[1], held->id)->status, "expired");
  // The next write expires the hold and books the one waiting, not the newcomer.
  EXPECT_EQ(bookings.book(users_[2], lab_id, {start, 1}).error().code, "SLOT_UNAVAILABLE");
  auto promoted = bookings.list(users_[3], std::nullopt, {10, ""});
  ASSERT_TRUE(promoted.ok());
  ASSERT_EQ(promoted->items.size(), 1u);
  EXPECT_EQ(promoted->items[0].status, "pending");

  // The late payment is refused; a payment within the hold confirms.
  auto conn = db_->write();
  ASSERT_TRUE(conn.ok());
  EXPECT_EQ(labs_->payment_holds().settle_payment(**conn, held->id).error().code,
            "BOOKING_NOT_PAYABLE");
  ASSERT_TRUE(labs_->payment_holds().settle_payment(**conn, promoted->items[0].id).ok());
  EXPECT_EQ(bookings.get(users_[3], promoted->items[0].id)->status, "confirmed");
}

TEST_P(LabBookingsTest, TheSweepExpiresRunOutHoldsWithoutAnyBooking) {
  const auto [lab_id, start] = paid_slot();
  ASSERT_TRUE(labs_->bookings().book(users_[1], lab_id, {start, 1}).ok());
  EXPECT_EQ(labs_->payment_holds().expire_holds().value(), 0);
  clock_ += std::chrono::minutes(16);
  EXPECT_EQ(labs_->payment_holds().expire_holds().value(), 1);
  auto conn = db_->read();
  auto rows = (*conn)->query("SELECT seats_taken FROM lab_availability");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, LabBookingsTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace deltalabs::labs
