#include "app/lab_booking_payments.h"

namespace deltalabs {

Status LabBookingPayments::paid(Connection& c, const std::string& booking_id) {
  return holds_.settle_payment(c, booking_id);
}

Status LabBookingPayments::refunded(Connection& c, const std::string& booking_id) {
  return holds_.cancel_refunded(c, booking_id);
}

}  // namespace deltalabs
