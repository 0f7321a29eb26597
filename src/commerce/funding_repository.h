#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// The writes of sponsorship requests and financial aid applications that do
// more than one RowTable call (the services read and page those rows through
// their RowTables), and the usable aid checkout and carts price with.
// Decisions are conditional on the open status, so two deciders cannot both win.
class FundingRepository {
 public:
  // Inserts a request; 409 SPONSORSHIP_ALREADY_REQUESTED when one is open.
  static Result<std::string> insert_request(Connection& c, const SponsorshipRequest& request);
  // Decides an open request; false when it is no longer open.
  static Result<bool> decide_request(Connection& c, const std::string& id,
                                     const std::string& status, const std::string& by);

  // The user's approved, unused application for the course, if any.
  static Result<std::optional<AidApplication>> usable_aid(Connection& c, const std::string& user_id,
                                                          const std::string& course_id);
  // Inserts an application; 409 FINANCIAL_AID_PENDING when one is open.
  static Result<std::string> insert_aid(Connection& c, const AidApplication& application);
  // Decides a submitted application; false when it is no longer submitted.
  static Result<bool> review_aid(Connection& c, const std::string& id, const std::string& status,
                                 std::optional<std::int64_t> percent, const std::string& by);
};

}  // namespace deltalabs::commerce
