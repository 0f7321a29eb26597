#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "catalog/course_service.h"
#include "commerce/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "identity/authorization_service.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// Financial aid. Who may do what:
//  - a learner applies for a published paid course (one application under
//    review per course) and reads their own applications;
//  - holders of financial_aid:review read every application and decide it:
//    approved with a discount percent (1..100) or rejected; the learner is notified;
//  - an approved application discounts that course at the learner's next
//    checkout only (order_items.aid_application_id is unique).
class AidService {
 public:
  AidService(Database& db, const identity::AuthorizationService& authz,
             catalog::CourseService& courses)
      : db_(db), authz_(authz), courses_(courses) {}

  // A page of applications: every one for reviewers, one's own otherwise.
  Result<Page<AidApplication>> list(const Actor& actor, const PageRequest& page);
  // One application the actor may read.
  Result<AidApplication> get(const Actor& actor, const std::string& id);
  // Applies; 409 FINANCIAL_AID_PENDING, COURSE_NOT_PUBLISHED or COURSE_IS_FREE.
  Result<AidApplication> apply(const Actor& actor, const std::string& course_id,
                               const std::string& statement);
  // Decides (reviewers only); 409 FINANCIAL_AID_ALREADY_DECIDED; 400 when an
  // approval has no discount_percent or a rejection has one.
  Result<AidApplication> review(const Actor& actor, const std::string& id,
                                const std::string& status, std::optional<std::int64_t> percent);

 private:
  Database& db_;
  const identity::AuthorizationService& authz_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::commerce
