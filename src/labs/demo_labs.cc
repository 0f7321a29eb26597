#include "labs/demo_labs.h"

#include "core/clock.h"

namespace deltalabs::labs {

namespace {

Actor as(const std::string& user_id) {
  Actor actor;
  actor.user_id = user_id;
  actor.request_id = "seed-demo";
  return actor;
}

// Next week at `hour`:00 UTC, `day` days later.
std::string next_week(int day, int hour) {
  const auto midnight = std::chrono::floor<std::chrono::days>(now());
  return format_rfc3339(midnight + std::chrono::days(7 + day) + std::chrono::hours(hour));
}

Status bench(LabsModule& m, const Host& host, const DemoLabsCast& cast) {
  LabFields f;
  f.name = "Electronics bench";
  f.description = "Four benches with everything to build and measure small circuits.";
  f.location = "Room 1.12, Maker Space";
  f.equipment = std::vector<std::string>{"oscilloscope", "soldering station", "bench power supply"};
  DL_ASSIGN_OR_RETURN(Lab lab, m.labs().create(as(*host.user_id), host.id, f));
  DL_ASSIGN_OR_RETURN(Slot morning, m.labs().add_slot(as(*host.user_id), lab.id,
                                                      {next_week(0, 9), next_week(0, 12), 4}));
  DL_ASSIGN_OR_RETURN(Slot evening, m.labs().add_slot(as(*host.user_id), lab.id,
                                                      {next_week(0, 17), next_week(0, 19), 2}));
  DL_TRY(m.bookings().book(as(cast.learners[0]), lab.id, {morning.slot_start, 1}));
  // The evening slot fills up; the third learner waits for a seat.
  DL_TRY(m.bookings().book(as(cast.learners[0]), lab.id, {evening.slot_start, 1}));
  DL_TRY(m.bookings().book(as(cast.learners[1]), lab.id, {evening.slot_start, 1}));
  DL_TRY(m.waitlist().join(as(cast.learners[2]), lab.id, {evening.slot_start, 1}));
  return {};
}

Status printing_studio(LabsModule& m, const Host& host, const DemoLabsCast& cast) {
  LabFields f;
  f.name = "3D printing studio";
  f.description = "Two resin and three filament printers; a technician checks each job.";
  f.location = "Room 0.04, Maker Space";
  f.equipment = std::vector<std::string>{"3d printer", "resin printer", "laptop"};
  f.requires_approval = true;
  f.price_amount_minor = 1500;
  f.currency = "USD";
  DL_ASSIGN_OR_RETURN(Lab lab, m.labs().create(as(*host.user_id), host.id, f));
  DL_ASSIGN_OR_RETURN(Slot slot, m.labs().add_slot(as(*host.user_id), lab.id,
                                                   {next_week(1, 10), next_week(1, 16), 3}));
  DL_ASSIGN_OR_RETURN(Booking approved,
                      m.bookings().book(as(cast.learners[1]), lab.id, {slot.slot_start, 1}));
  DL_TRY(m.bookings().approve(as(cast.lab_assistant), approved.id));
  DL_TRY(m.bookings().book(as(cast.learners[2]), lab.id, {slot.slot_start, 2}));
  return {};
}

}  // namespace

Status DemoLabs::load(LabsModule& labs, const DemoLabsCast& cast) {
  if (cast.learners.size() < 3)
    return Error::bad_request("DEMO_CAST", "The demo labs need three learners.");
  DL_ASSIGN_OR_RETURN(auto hosts, labs.hosts().list(PageRequest{100, ""}));
  for (const auto& h : hosts.items)
    if (h.user_id == cast.host) return {};
  DL_ASSIGN_OR_RETURN(
      Host host, labs.hosts().create(as(cast.host), {std::nullopt, "Ines's Maker Space",
                                                     "Benches and printers for course projects."}));
  DL_TRY(bench(labs, host, cast));
  return printing_studio(labs, host, cast);
}

}  // namespace deltalabs::labs
