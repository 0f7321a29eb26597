#pragma once

#include <string>
#include <vector>

#include "catalog/course_service.h"
#include "content/model.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::content {

// What GET /v1/courses/:id/intro shows: the course, who teaches it, its
// syllabus (section titles in order) and counts.
struct CourseIntro {
  catalog::Course course;
  std::vector<catalog::Instructor> instructors;
  std::vector<Section> syllabus;
  std::int64_t item_count = 0;
};

// The sections of courses. Whoever may see a course sees its sections; whoever
// may edit it (CourseService decides) adds, changes, moves and deletes them.
class SectionService {
 public:
  SectionService(Database& db, catalog::CourseService& courses) : db_(db), courses_(courses) {}

  // A page of a visible course's sections in order.
  Result<Page<Section>> list(const Actor& actor, const std::string& course_id,
                             const PageRequest& page);
  // Appends a section to a course the actor may edit.
  Result<Section> create(const Actor& actor, const std::string& course_id,
                         const SectionInput& input);
  // Inside another domain's transaction (a draft's promotion): appends a
  // section to a course the actor may edit (404 when they cannot see it, 403 when only see).
  Result<Section> create_within(Connection& c, const Actor& actor, const std::string& course_id,
                                const SectionInput& input);
  // Changes or moves a section of a course the actor may edit.
  Result<Section> update(const Actor& actor, const std::string& id, const SectionInput& input);
  // Deletes a section and its items.
  Status remove(const Actor& actor, const std::string& id);
  // The section when the actor may see its course (404 SECTION_NOT_FOUND otherwise).
  Result<Section> visible(const Actor& actor, const std::string& id);
  // The section when the actor may edit its course.
  Result<Section> editable(const Actor& actor, const std::string& id);
  // Overview, instructors, syllabus and counts of a visible course.
  Result<CourseIntro> intro(const Actor& actor, const std::string& course_id);

  // Inside another domain's transaction (learning's roadmap): true when the
  // section belongs to the course.
  static Result<bool> in_course(Connection& c, const std::string& section_id,
                                const std::string& course_id);

 private:
  Database& db_;
  catalog::CourseService& courses_;
};

}  // namespace deltalabs::content
