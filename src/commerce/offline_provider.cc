#include "commerce/offline_provider.h"

namespace deltalabs::commerce {

Result<ChargeOutcome> OfflineProvider::charge(const ChargeRequest& request) {
  if (request.sponsored) return ChargeOutcome{"succeeded", "sponsored", std::nullopt, "", ""};
  if (request.amount_minor == 0) return ChargeOutcome{"succeeded", "free", std::nullopt, "", ""};
  return ChargeOutcome{"pending", "bank_transfer", std::nullopt, "", ""};
}

Status OfflineProvider::refund(const RefundRequest&) { return {}; }

}  // namespace deltalabs::commerce
