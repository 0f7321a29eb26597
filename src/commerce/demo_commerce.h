#pragma once

#include <string>
#include <vector>

#include "commerce/commerce_module.h"

namespace deltalabs::commerce {

// Who takes part in the demo commerce data.
struct DemoBuyers {
  std::string admin;
  std::vector<std::string> learners;  // at least three
};

// The commerce data of `deltalabs seed --demo`, through the services: a
// coupon (WELCOME10), an open cart, a bank transfer marked paid, an order
// with one of two items refunded, a sponsor with an approved and an open
// request, and a financial aid application under review. Idempotent: when
// the first learner already has orders nothing is added.
class DemoCommerce {
 public:
  // Loads it over the demo catalog (DemoCatalog) and learning data.
  static Status load(catalog::CourseService& courses, CommerceModule& commerce,
                     const DemoBuyers& buyers);
};

}  // namespace deltalabs::commerce
