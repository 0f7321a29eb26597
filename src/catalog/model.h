#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::catalog {

// Plain structs of the catalog domain: what repositories read and services return.

// An entry of catalog reference data: a course category or a course level.
struct ReferenceEntry {
  std::string id;
  std::string slug;
  std::string name;
  std::string description;
  std::string created_at;
};

// A new category or level.
struct ReferenceInput {
  std::string slug;
  std::string name;
  std::string description;
};

// A user's teaching profile, with the user's display name.
struct Instructor {
  std::string id;
  std::string user_id;
  std::string name;
  std::string headline;
  std::string bio;
  std::string created_at;
};

// A new instructor profile.
struct InstructorInput {
  std::string user_id;
  std::string headline;
  std::string bio;
};

// A price in integer minor units of an ISO 4217 currency.
struct Money {
  std::int64_t amount_minor = 0;
  std::string currency = "USD";
};

// A course as the API shows it.
struct Course {
  std::string id;
  std::string slug;
  std::string title;
  std::string subtitle;
  std::string description;
  std::string category_id;
  std::string level_id;
  std::string language;
  Money price;
  std::string status;
  std::optional<std::int64_t> max_students;
  std::int64_t enrollment_count = 0;
  std::optional<std::string> created_by;
  std::optional<std::string> published_at;
  std::string created_at;
  std::string updated_at;
  std::vector<std::string> instructor_ids;
};

// A new course or a change to one; for a change nullopt = unchanged.
struct CourseInput {
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> description;
  std::optional<std::string> category_id;
  std::optional<std::string> level_id;
  std::optional<std::string> language;
  std::optional<Money> price;
  bool set_max_students = false;  // max_students was sent (possibly null = no cap)
  std::optional<std::int64_t> max_students;
  std::optional<std::vector<std::string>> instructor_ids;
};

// How the public catalog is ordered.
enum class CourseSort { kRelevance, kNewest, kPopular, kPrice };

// Filters and order of GET /v1/courses; nullopt = no filter.
struct CourseQuery {
  std::optional<std::string> q;
  std::optional<std::string> category;  // slug or id
  std::optional<std::string> level;     // slug or id
  std::optional<std::string> instructor_id;
  std::optional<std::string> language;
  std::optional<std::int64_t> price_max;
  std::optional<bool> free;
  CourseSort sort = CourseSort::kNewest;
};

}  // namespace deltalabs::catalog
