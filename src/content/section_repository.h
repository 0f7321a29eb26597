#pragma once

#include <string>

#include "content/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::content {

// Reads and writes course sections and keeps their positions 1..n without
// gaps. Stateless: the caller passes the connection and owns the transaction.
class SectionRepository {
 public:
  // Appends a section to its course; returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const SectionInput& input);
  // The section, or 404 SECTION_NOT_FOUND.
  static Result<Section> find(Connection& c, const std::string& id);
  // A page of a course's sections in order; positions are the cursor.
  static Result<Page<Section>> list(Connection& c, const std::string& course_id,
                                    const PageRequest& page);
  // Changes title or summary and moves the section to `input.position` (clamped to 1..n).
  static Status update(Connection& c, const Section& section, const SectionInput& input);
  // Deletes the section (its items go with it) and closes the gap it leaves.
  static Status remove(Connection& c, const Section& section);
  // True when the course has a section holding at least one item.
  static Result<bool> has_content(Connection& c, const std::string& course_id);
  // How many content items the course's sections hold.
  static Result<std::int64_t> item_count(Connection& c, const std::string& course_id);
  // True when the section belongs to the course (false for a malformed id).
  static Result<bool> in_course(Connection& c, const std::string& section_id,
                                const std::string& course_id);
};

}  // namespace deltalabs::content
