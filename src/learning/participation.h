#pragma once

namespace deltalabs::learning {

// How a user takes part in a course, for other domains' permission checks
// (a course's Q&A, discussions and events are for its members only).
struct Participation {
  bool member = false;   // enrolled (not cancelled), teaches the course or edits it
  bool teaches = false;  // an instructor of the course (catalog or enrollment) or an editor
  bool staff = false;    // teaches, or is enrolled as a ta
};

}  // namespace deltalabs::learning
