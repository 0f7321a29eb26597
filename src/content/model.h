#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::content {

// Plain structs of the content domain.

// An ordered section of a course (positions 1..n, no gaps).
struct Section {
  std::string id;
  std::string course_id;
  std::string title;
  std::string summary;
  std::int64_t position = 0;
  std::int64_t item_count = 0;
  std::string created_at;
  std::string updated_at;
};

// A new section or a change to one; for a change nullopt = unchanged.
struct SectionInput {
  std::optional<std::string> title;
  std::optional<std::string> summary;
  std::optional<std::int64_t> position;  // changes only: move the section there (clamped to 1..n)
};

// A typed block of a section with its JSON body kept as text.
struct ContentItem {
  std::string id;
  std::string section_id;
  std::string item_type;
  std::string title;
  std::string body;
  bool is_required = true;
  std::int64_t position = 0;
  std::string created_at;
  std::string updated_at;
};

// A new content item.
struct ContentItemInput {
  std::string item_type;
  std::string title;
  std::string body = "{}";
  bool is_required = true;
};

// A change to a content item; nullopt = unchanged.
struct ContentItemChange {
  std::optional<std::string> title;
  std::optional<std::string> body;  // JSON object text
  std::optional<bool> is_required;
  std::optional<std::int64_t> position;  // move the item there (clamped to 1..n)
};

// Material attached to a course: a book, doc, slides, a video link or generated text.
struct Supplement {
  std::string id;
  std::string course_id;
  std::string kind;
  std::string title;
  std::optional<std::string> url;
  std::string body;  // JSON object text
  std::string created_at;
};

// A new supplement.
struct SupplementInput {
  std::string kind;
  std::string title;
  std::optional<std::string> url;
  std::string body = "{}";
};

// Something learners of a course may buy or rent, with a price and a stock.
struct Resource {
  std::string id;
  std::string course_id;
  std::string title;
  std::string description;
  std::string mode;  // purchase or rent
  std::int64_t price_amount_minor = 0;
  std::string price_currency;
  std::int64_t stock = 0;
  std::string created_at;
  std::string updated_at;
};

// A new resource.
struct ResourceInput {
  std::string title;
  std::string description;
  std::string mode;
  std::int64_t price_amount_minor = 0;
  std::string price_currency;
  std::int64_t stock = 0;
};

// A course made of sections taken from several courses: draft, published or archived.
struct SuperCourse {
  std::string id;
  std::string slug;
  std::string title;
  std::string description;
  std::string status;
  std::optional<std::string> created_by;
  std::int64_t section_count = 0;
  std::string created_at;
  std::string updated_at;
};

// A new super-course or a change to one; for a change nullopt = unchanged.
struct SuperCourseInput {
  std::optional<std::string> title;
  std::optional<std::string> description;
};

// One section of a super-course, pointing at a section of some course.
struct SuperCourseSection {
  std::string id;
  std::string super_course_id;
  std::string section_id;
  std::string course_id;
  std::string title;
  std::int64_t position = 0;
  std::string created_at;
};

}  // namespace deltalabs::content
