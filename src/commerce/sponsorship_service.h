#pragma once

#include <string>

#include "catalog/course_service.h"
#include "commerce/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/commit_durability.h"
#include "storage/database.h"

namespace deltalabs::commerce {

// What POST /v1/sponsorship-requests asks for.
struct SponsorshipRequestInput {
  std::string sponsor_id;
  std::string course_id;
  std::string message;
};

// Sponsors and the requests learners send them. Who may do what:
//  - any signed-in user lists sponsors and registers one (they become its manager);
//  - a learner asks a sponsor to cover a published paid course (one open
//    request per sponsor and course);
//  - the sponsor's manager approves (a zero-cost paid order, its payment
//    `sponsored`, and the enrollment, source sponsorship, in one
//    transaction) or rejects; the learner is notified either way;
//  - requests are read by their learner and the sponsor's manager.
class SponsorshipService {
 public:
  SponsorshipService(Database& db, CommitDurability& durable, catalog::CourseService& courses)
      : db_(db), durable_(durable), courses_(courses) {}

  // A page of sponsors, newest first.
  Result<Page<Sponsor>> sponsors(const Actor& actor, const PageRequest& page);
  // Registers a sponsor managed by the actor.
  Result<Sponsor> create_sponsor(const Actor& actor, const Sponsor& input);
  // A page of the requests the actor made or manages.
  Result<Page<SponsorshipRequest>> requests(const Actor& actor, const PageRequest& page);
  // One request the actor may read.
  Result<SponsorshipRequest> request(const Actor& actor, const std::string& id);
  // Sends a request; 409 SPONSORSHIP_ALREADY_REQUESTED, COURSE_NOT_PUBLISHED or COURSE_IS_FREE.
  Result<SponsorshipRequest> ask(const Actor& actor, const SponsorshipRequestInput& input);
  // Approves (manager only); 409 SPONSORSHIP_ALREADY_DECIDED or ALREADY_ENROLLED.
  Result<SponsorshipRequest> approve(const Actor& actor, const std::string& id);
  // Rejects (manager only); 409 SPONSORSHIP_ALREADY_DECIDED.
  Result<SponsorshipRequest> reject(const Actor& actor, const std::string& id);

 private:
  Result<SponsorshipRequest> decide(Connection& c, const Actor& actor, const std::string& id,
                                    const std::string& status);

  Database& db_;
  CommitDurability& durable_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::commerce
