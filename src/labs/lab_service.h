#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/clock.h"
#include "core/page.h"
#include "core/result.h"
#include "labs/lab_access.h"
#include "labs/model.h"
#include "storage/database.h"

namespace deltalabs::labs {

// The time the labs domain runs on; tests pass a clock they move.
using Clock = std::function<TimePoint()>;

// Labs and their slots. Anyone may search labs and read their slots; the
// lab's managers (LabAccess) create and edit them. A lab of an organization
// host belongs to that organization; a user host may place a lab in an
// organization where they hold labs:manage. Slots of one lab never overlap
// (409 SLOT_OVERLAP, also when two requests race: the schema refuses the
// second) and cannot start in the past.
class LabService {
 public:
  LabService(Database& db, const LabAccess& access, Clock clock)
      : db_(db), access_(access), clock_(std::move(clock)) {}

  // A page of active labs matching the search (times already validated and stored-form).
  Result<Page<Lab>> search(const LabSearch& search, const PageRequest& page);
  // One lab; 404 LAB_NOT_FOUND.
  Result<Lab> get(const std::string& id);
  // Creates a lab of the host the actor acts for; 403 otherwise, 404 HOST_NOT_FOUND.
  Result<Lab> create(const Actor& actor, const std::string& host_id, const LabFields& fields);
  // Changes the fields given (managers only).
  Result<Lab> update(const Actor& actor, const std::string& id, const LabFields& fields);
  // A page of the lab's slots overlapping [from, to), in time order (public).
  Result<Page<Slot>> slots(const std::string& lab_id, const std::optional<std::string>& from,
                           const std::optional<std::string>& to, const PageRequest& page);
  // Opens a slot (managers only); 400 for a slot that ends before it starts
  // or starts in the past; 409 SLOT_OVERLAP.
  Result<Slot> add_slot(const Actor& actor, const std::string& lab_id, SlotInput input);

 private:
  // The lab and its host, or 403 unless the actor manages the lab.
  Result<Lab> managed(const Actor& actor, const std::string& id);
  // 403 unless the organization given may take the lab (the host's own, or one with labs:manage).
  Status check_organization(const Actor& actor, const Host& host,
                            const std::optional<std::string>& organization_id);

  Database& db_;
  const LabAccess& access_;
  Clock clock_;
};

}  // namespace deltalabs::labs
