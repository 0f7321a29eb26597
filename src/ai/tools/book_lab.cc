#include <algorithm>
#include <cctype>

#include "ai/tools/tools.h"
#include "http/json_fields.h"
#include "labs/labs_shapes.h"

namespace deltalabs::ai {

namespace {

std::string folded(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The lab an argument names: by id, or the active lab whose name matches
// (exactly, ignoring case, else the best search match).
Result<std::string> lab_of(ToolServices& services, const boost::json::object& args) {
  if (auto id = http::optional_string(args, "lab_id")) return *id;
  const auto name = http::optional_string(args, "lab_name");
  if (!name) {
    return Error::invalid("Name the lab.", {{"lab_id", "lab_id or lab_name is required"}});
  }
  labs::LabSearch search;
  search.q = *name;
  DL_ASSIGN_OR_RETURN(Page<labs::Lab> found,
                      services.lab_catalog->search(search, PageRequest{5, ""}));
  if (found.items.empty()) return Error::not_found("lab");
  auto exact = std::find_if(found.items.begin(), found.items.end(),
                            [&](const labs::Lab& l) { return folded(l.name) == folded(*name); });
  return exact != found.items.end() ? exact->id : found.items.front().id;
}

}  // namespace

// As POST /v1/labs/:id/bookings by the caller: a student's booking is the
// student's; a full slot is SLOT_UNAVAILABLE, a lab needing approval books pending.
Tool book_lab_tool(ToolServices& services) {
  return {
      "book_lab",
      "Book seats for the signed-in user in a lab's slot, by the slot's start time; the lab "
      "by id or by name.",
      BodySchema{field::uuid("lab_id").describe("The lab's id"),
                 field::string("lab_name", 200).length(1, 200).describe("Or the lab's name"),
                 field::timestamp("slot_start").required().describe("The slot's start (RFC 3339)"),
                 field::integer("seats").range(1, 50).describe("How many seats (default 1)")},
      [&services](const Actor& actor, const boost::json::object& args) -> ToolResult {
        if (services.lab_catalog == nullptr || services.lab_bookings == nullptr)
          return Error::internal("labs are not wired");
        DL_ASSIGN_OR_RETURN(std::string lab_id, lab_of(services, args));
        labs::BookingRequest request{http::required_string(args, "slot_start"),
                                     http::optional_int(args, "seats").value_or(1)};
        DL_ASSIGN_OR_RETURN(labs::Booking b, services.lab_bookings->book(actor, lab_id, request));
        return tool_data({{"booking", labs::booking_shape().render(b)}});
      }};
}

}  // namespace deltalabs::ai
