#include "labs/booking_notice.h"

#include <boost/json.hpp>

#include "platform/notification_log.h"

namespace deltalabs::labs {

Status BookingNotice::send(Connection& c, const Booking& b, const std::string& kind) {
  const std::string payload =
      boost::json::serialize(boost::json::object{{"booking_id", b.id},
                                                 {"lab_id", b.lab_id},
                                                 {"lab_name", b.lab_name},
                                                 {"slot_start", b.slot_start},
                                                 {"slot_end", b.slot_end},
                                                 {"status", b.status}});
  DL_TRY(NotificationLog::record(c, b.user_id, kind, payload));
  return {};
}

}  // namespace deltalabs::labs
