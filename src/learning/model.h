#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::learning {

// Plain structs of the learning domain: what repositories read and services return.

// A user's membership of a course, with the course's title and the derived
// share of its required items the user completed.
struct Enrollment {
  std::string id;
  std::string user_id;
  std::string course_id;
  std::string course_title;
  std::string course_slug;
  std::string member_role;              // student, ta, instructor
  std::string status;                   // active, completed, cancelled
  std::string source;                   // free, order, sponsorship, admin
  std::optional<std::string> order_id;  // the order that paid for it (source order or sponsorship)
  std::optional<std::string> super_course_id;
  std::string enrolled_at;
  std::optional<std::string> completed_at;
  std::optional<std::string> cancelled_at;
  std::string updated_at;
  std::int64_t required_items = 0;
  std::int64_t completed_required_items = 0;

  // Percent of required items completed, rounded down; 0 for a course without required items.
  int progress_percent() const {
    return required_items == 0 ? 0
                               : static_cast<int>(completed_required_items * 100 / required_items);
  }
  // True while the enrollment holds a seat and may progress.
  bool live() const { return status != "cancelled"; }
};

// Who is enrolled into what, and how: what POST /v1/enrollments asks for.
struct EnrollmentRequest {
  std::optional<std::string> course_id;
  std::optional<std::string> super_course_id;
  std::optional<std::string> user_id;      // someone else (staff only); the actor by default
  std::optional<std::string> member_role;  // student by default
};

// The result of enrolling into a super-course: one enrollment per constituent
// course the user was not already a member of.
struct SuperCourseEnrollment {
  std::string super_course_id;
  std::vector<Enrollment> enrollments;
};

// A learner's state on one content item.
struct ItemProgress {
  std::string content_item_id;
  std::string status;  // started, completed
  std::string started_at;
  std::optional<std::string> completed_at;
};

// An enrollment's progress: the enrollment (with its derived percent) and
// the items the learner touched.
struct ProgressReport {
  Enrollment enrollment;
  std::vector<ItemProgress> items;
};

// A member of a course as its members see them.
struct CourseMember {
  std::string user_id;
  std::string username;
  std::string first_name;
  std::string last_name;
  std::string member_role;
  std::string status;
  std::string since;
};

// A milestone of a course's learning path, with the caller's state on it.
struct RoadmapSection {
  std::string id;
  std::string course_id;
  std::optional<std::string> section_id;
  std::string title;
  std::string description;
  bool is_required = true;
  std::int64_t position = 0;
  std::optional<std::string> status;  // the caller's: started, completed, or none
  std::optional<std::string> completed_at;
};

// A new roadmap milestone.
struct RoadmapSectionInput {
  std::string title;
  std::string description;
  std::optional<std::string> section_id;
  bool is_required = true;
};

// A course's learning path and, for a member, their way through it.
struct Roadmap {
  std::string course_id;
  std::optional<std::string> enrollment_id;  // the caller's, when enrolled
  std::vector<RoadmapSection> sections;

  // Percent of required milestones completed, rounded down.
  int progress_percent() const;
  // True when every required milestone is completed (and there is at least one).
  bool completed() const;
};

// A course on a user's wishlist.
// How a user takes part in a course, for other domains' permission checks
// (a course's Q&A, discussions and events are for its members only).
struct Participation {
  bool member = false;   // enrolled (not cancelled), teaches the course or edits it
  bool teaches = false;  // an instructor of the course (catalog or enrollment) or an editor
  bool staff = false;    // teaches, or is enrolled as a ta
};

// A message from one of a course's instructors or editors to its members.
struct Announcement {
  std::string id;
  std::string course_id;
  std::string author_id;
  std::string author_first_name;
  std::string author_last_name;
  std::string title;
  std::string body;
  std::string created_at;
};

// What posting an announcement takes.
struct AnnouncementInput {
  std::string title;
  std::string body;
};

struct WishlistItem {
  std::string id;
  std::string course_id;
  std::string course_slug;
  std::string course_title;
  std::int64_t price_amount_minor = 0;
  std::string price_currency;
  std::string course_status;
  std::string added_at;
};

}  // namespace deltalabs::learning
