#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "commerce/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::commerce {

// Rows of sponsors, sponsorship requests and financial aid applications.
// Decisions are conditional on the open status, so two deciders cannot both win.
class FundingRepository {
 public:
  // One sponsor; 404 SPONSOR_NOT_FOUND when absent.
  static Result<Sponsor> sponsor(Connection& c, const std::string& id);
  // A page of sponsors, newest first.
  static Result<Page<Sponsor>> sponsors(Connection& c, const PageRequest& page);
  // Inserts a sponsor and returns it.
  static Result<Sponsor> insert_sponsor(Connection& c, const Sponsor& sponsor);

  // One request; 404 SPONSORSHIP_REQUEST_NOT_FOUND when absent.
  static Result<SponsorshipRequest> request(Connection& c, const std::string& id);
  // A page of the requests the user made or manages, newest first.
  static Result<Page<SponsorshipRequest>> requests(Connection& c, const std::string& user_id,
                                                   const PageRequest& page);
  // Inserts a request; 409 SPONSORSHIP_ALREADY_REQUESTED when one is open.
  static Result<std::string> insert_request(Connection& c, const SponsorshipRequest& request);
  // Decides an open request; false when it is no longer open.
  static Result<bool> decide_request(Connection& c, const std::string& id,
                                     const std::string& status, const std::string& by);

  // One application; 404 FINANCIAL_AID_NOT_FOUND when absent.
  static Result<AidApplication> aid(Connection& c, const std::string& id);
  // The user's approved, unused application for the course, if any.
  static Result<std::optional<AidApplication>> usable_aid(Connection& c, const std::string& user_id,
                                                          const std::string& course_id);
  // A page of applications: one user's, or everyone's when user_id is empty.
  static Result<Page<AidApplication>> aid_list(Connection& c, const std::string& user_id,
                                               const PageRequest& page);
  // Inserts an application; 409 FINANCIAL_AID_PENDING when one is open.
  static Result<std::string> insert_aid(Connection& c, const AidApplication& application);
  // Decides a submitted application; false when it is no longer submitted.
  static Result<bool> review_aid(Connection& c, const std::string& id, const std::string& status,
                                 std::optional<std::int64_t> percent, const std::string& by);
};

}  // namespace deltalabs::commerce
