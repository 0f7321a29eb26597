#include "commerce/status_transitions.h"

#include <array>
#include <string>

namespace deltalabs::commerce {

namespace {

struct Transition {
  std::string_view machine;
  std::string_view from;
  std::string_view to;
};

constexpr std::array kTransitions{
    Transition{"order", "pending", "paid"},
    Transition{"order", "pending", "cancelled"},
    Transition{"order", "paid", "partially_refunded"},
    Transition{"order", "paid", "refunded"},
    Transition{"order", "partially_refunded", "partially_refunded"},
    Transition{"order", "partially_refunded", "refunded"},
    Transition{"payment", "pending", "succeeded"},
    Transition{"payment", "pending", "failed"},
    Transition{"sponsorship_request", "requested", "approved"},
    Transition{"sponsorship_request", "requested", "rejected"},
    Transition{"financial_aid", "submitted", "approved"},
    Transition{"financial_aid", "submitted", "rejected"},
};

}  // namespace

bool StatusTransitions::allowed(std::string_view machine, std::string_view from,
                                std::string_view to) {
  for (const auto& t : kTransitions) {
    if (t.machine == machine && t.from == from && t.to == to) return true;
  }
  return false;
}

Status StatusTransitions::require(std::string_view machine, std::string_view from,
                                  std::string_view to, const char* code) {
  if (allowed(machine, from, to)) return {};
  return Error::conflict(code, "The " + std::string(machine) + " is " + std::string(from) +
                                   " and cannot become " + std::string(to) + ".");
}

}  // namespace deltalabs::commerce
