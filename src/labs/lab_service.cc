#include "labs/lab_service.h"

#include "core/uuid.h"
#include "labs/host_repository.h"
#include "labs/lab_repository.h"
#include "labs/slot_repository.h"

namespace deltalabs::labs {

namespace {

// `fields` laid over `lab`: what a create or a PATCH leaves.
void apply(Lab& lab, const LabFields& f) {
  if (f.organization_id) lab.organization_id = canonical_id(*f.organization_id);
  if (f.name) lab.name = *f.name;
  if (f.description) lab.description = *f.description;
  if (f.location) lab.location = *f.location;
  if (f.equipment) lab.equipment = *f.equipment;
  if (f.requires_approval) lab.requires_approval = *f.requires_approval;
  if (f.price_amount_minor) lab.price_amount_minor = *f.price_amount_minor;
  if (f.currency) lab.currency = *f.currency;
  if (f.status) lab.status = *f.status;
}

// The slot's times in stored form; 400 when malformed, reversed or past.
Result<SlotInput> normalised(SlotInput in, TimePoint now) {
  const auto start = parse_rfc3339(in.slot_start);
  const auto end = parse_rfc3339(in.slot_end);
  if (!start)
    return Error::invalid("The request body is not valid.",
                          {{"slot_start", "must be an RFC 3339 timestamp"}});
  if (!end || *end <= *start)
    return Error::invalid("The request body is not valid.",
                          {{"slot_end", "must be an RFC 3339 timestamp after slot_start"}});
  if (*start <= now)
    return Error::invalid("The request body is not valid.",
                          {{"slot_start", "must be in the future"}});
  in.slot_start = format_rfc3339(*start);
  in.slot_end = format_rfc3339(*end);
  return in;
}

// A lab of an organization host belongs to that organization; 400 otherwise.
Status same_organization(const Host& host, const Lab& lab) {
  if (!host.organization_id || lab.organization_id == host.organization_id) return {};
  return Error::invalid("The request body is not valid.",
                        {{"organization_id", "a lab of an organization host belongs to it"}});
}

// The organization a write named does not exist when the lab's reference to it fails.
template <class T>
Result<T> organization_known(Result<T> written) {
  if (!written.ok() && written.error().code == storage_code::kForeignKeyViolation)
    return Error::not_found("organization");
  return written;
}

}  // namespace

Result<Page<Lab>> LabService::search(const LabSearch& search, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  LabSearch s = search;
  s.organization_id = canonical_optional_id(s.organization_id);
  if (s.organization_id && !is_uuid(*s.organization_id)) return Page<Lab>{};
  return LabRepository::search(*conn, s, clock_(), page);
}

Result<Lab> LabService::get(const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return LabRepository::find(*conn, canonical_id(id));
}

Status LabService::check_organization(const Actor& actor, const Host& host,
                                      const std::optional<std::string>& organization_id) {
  if (!organization_id || organization_id == host.organization_id) return {};
  return access_.require_organization(actor, *organization_id);
}

Result<Lab> LabService::create(const Actor& actor, const std::string& host_id,
                               const LabFields& fields) {
  Host host;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(host, HostRepository::find(*conn, canonical_id(host_id)));
  }
  DL_ASSIGN_OR_RETURN(bool allowed, access_.acts_for(actor, host));
  if (!allowed) return Error::forbidden("Only the host's own user or its lab managers add labs.");
  Lab lab;
  lab.organization_id = host.organization_id;
  apply(lab, fields);
  DL_TRY(same_organization(host, lab));
  DL_TRY(check_organization(actor, host, lab.organization_id));
  return db_.transaction([&](Connection& c) -> Result<Lab> {
    DL_ASSIGN_OR_RETURN(std::string id, organization_known(LabRepository::insert(c, host.id, lab)));
    return LabRepository::find(c, id);
  });
}

Result<Lab> LabService::managed(const Actor& actor, const std::string& id) {
  Lab lab;
  Host host;
  {
    // Returned before the permission question, which borrows a connection of its own.
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(lab, LabRepository::find(*conn, canonical_id(id)));
    DL_ASSIGN_OR_RETURN(host, HostRepository::find(*conn, lab.host_id));
  }
  DL_ASSIGN_OR_RETURN(bool allowed, access_.manages(actor, host, lab));
  if (!allowed) return Error::forbidden("Only the lab's host and its managers change it.");
  return lab;
}

Result<Lab> LabService::update(const Actor& actor, const std::string& id, const LabFields& fields) {
  DL_ASSIGN_OR_RETURN(Lab lab, managed(actor, id));
  Host host;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(host, HostRepository::find(*conn, lab.host_id));
  }
  const auto before = lab.organization_id;
  apply(lab, fields);
  DL_TRY(same_organization(host, lab));
  if (lab.organization_id != before) DL_TRY(check_organization(actor, host, lab.organization_id));
  return db_.transaction([&](Connection& c) -> Result<Lab> {
    DL_TRY(organization_known(LabRepository::update(c, lab)));
    return LabRepository::find(c, lab.id);
  });
}

Result<Page<Slot>> LabService::slots(const std::string& lab_id,
                                     const std::optional<std::string>& from,
                                     const std::optional<std::string>& to,
                                     const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Lab lab, LabRepository::find(*conn, canonical_id(lab_id)));
  return SlotRepository::list(*conn, lab.id, from, to, clock_(), page);
}

Result<Slot> LabService::add_slot(const Actor& actor, const std::string& lab_id, SlotInput raw) {
  DL_ASSIGN_OR_RETURN(Lab lab, managed(actor, lab_id));
  DL_ASSIGN_OR_RETURN(SlotInput input, normalised(std::move(raw), clock_()));
  return db_.transaction([&](Connection& c) -> Result<Slot> {
    // The friendly answer for the common case; the schema's rule (exclusion
    // constraint or trigger) answers the same when two requests race past it.
    DL_ASSIGN_OR_RETURN(std::int64_t overlapping, SlotRepository::count_overlapping(
                                                      c, lab.id, input.slot_start, input.slot_end));
    if (overlapping > 0)
      return Error::conflict("SLOT_OVERLAP", "The slot overlaps another slot of this lab.");
    DL_ASSIGN_OR_RETURN(std::string id, SlotRepository::insert(c, lab.id, input));
    return SlotRepository::find(c, id, clock_());
  });
}

}  // namespace deltalabs::labs
