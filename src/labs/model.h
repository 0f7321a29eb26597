#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::labs {

// Plain structs of the labs domain: what repositories read and services return.

// Who offers labs: exactly one of a user or an organization.
struct Host {
  std::string id;
  std::optional<std::string> user_id;
  std::optional<std::string> organization_id;
  std::string name;
  std::string description;
  std::string created_at;
};

// A new host: the caller (no organization) or an organization they run labs for.
struct HostInput {
  std::optional<std::string> organization_id;
  std::string name;
  std::string description;
};

// A rentable lab; price_amount_minor is per seat and slot (0 = free).
struct Lab {
  std::string id;
  std::string host_id;
  std::optional<std::string> organization_id;
  std::string name;
  std::string description;
  std::string location;
  std::vector<std::string> equipment;
  bool requires_approval = false;
  std::int64_t price_amount_minor = 0;
  std::string currency = "USD";
  std::string status = "active";  // active, inactive
  std::string created_at;
  std::string updated_at;
};

// The fields a host sets on a lab; absent optionals leave a field as it is (PATCH).
struct LabFields {
  std::optional<std::string> organization_id;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> location;
  std::optional<std::vector<std::string>> equipment;
  std::optional<bool> requires_approval;
  std::optional<std::int64_t> price_amount_minor;
  std::optional<std::string> currency;
  std::optional<std::string> status;
};

// A lab search: free text, an organization (and those below it), one piece
// of equipment, and a window in which a slot with free seats must lie.
struct LabSearch {
  std::optional<std::string> q;
  std::optional<std::string> organization_id;
  std::optional<std::string> equipment;
  std::optional<std::string> available_from;
  std::optional<std::string> available_to;
};

// A slot of a lab; seats_free discounts holds whose payment time has run out.
struct Slot {
  std::string id;
  std::string lab_id;
  std::string slot_start;
  std::string slot_end;
  std::int64_t capacity = 0;
  std::int64_t seats_taken = 0;
  std::int64_t seats_free = 0;
  std::int64_t waitlisted = 0;
  std::string created_at;
};

// A new slot.
struct SlotInput {
  std::string slot_start;
  std::string slot_end;
  std::int64_t capacity = 0;
};

// Seats of a user in a slot, with the slot's times and lab for display.
struct Booking {
  std::string id;
  std::string availability_id;
  std::string lab_id;
  std::string lab_name;
  std::string location;
  std::string user_id;
  std::int64_t seats = 0;
  std::string status;  // pending, confirmed, cancelled, rejected, expired
  bool awaiting_approval = false;
  bool awaiting_payment = false;
  std::optional<std::string> hold_expires_at;
  std::int64_t amount_minor = 0;
  std::string currency = "USD";
  std::string slot_start;
  std::string slot_end;
  std::optional<std::string> decided_by;
  std::optional<std::string> decided_at;
  std::string created_at;
  std::string updated_at;
};

// A request for seats: the slot (by its start) and how many.
struct BookingRequest {
  std::string slot_start;
  std::int64_t seats = 1;
};

// A place in a slot's waitlist.
struct WaitlistEntry {
  std::string id;
  std::string availability_id;
  std::string user_id;
  std::int64_t seats = 0;
  std::int64_t position = 0;
  std::string created_at;
};

}  // namespace deltalabs::labs
