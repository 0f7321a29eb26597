#pragma once

#include <string_view>

#include "core/result.h"

namespace deltalabs::commerce {

// Every status change of the commerce domain, in one table: orders
// (pending → paid | cancelled; paid → partially_refunded | refunded;
// partially_refunded → partially_refunded | refunded), payments (pending →
// succeeded | failed), sponsorship requests (requested → approved | rejected)
// and financial aid applications (submitted → approved | rejected).
class StatusTransitions {
 public:
  // True when `machine` (order, payment, sponsorship_request, financial_aid)
  // may move from `from` to `to`.
  static bool allowed(std::string_view machine, std::string_view from, std::string_view to);
  // 409 `code` naming both statuses when the move is not allowed.
  static Status require(std::string_view machine, std::string_view from, std::string_view to,
                        const char* code);
};

}  // namespace deltalabs::commerce
