#include "learning/roadmap_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "learning/learning_sql.h"

namespace deltalabs::learning {

Result<std::vector<RoadmapSection>> RoadmapRepository::sections(Connection& c,
                                                                const std::string& course_id,
                                                                const std::string& enrollment_id) {
  DL_ASSIGN_OR_RETURN(RowSet rows, c.query(sql::kListRoadmap, {course_id, enrollment_id}));
  std::vector<RoadmapSection> sections;
  sections.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    sections.push_back({r.text(0), r.text(1), r.optional_text(2), r.text(3), r.text(4),
                        r.boolean(5), r.integer(6), r.optional_text(7), r.optional_text(8)});
  }
  return sections;
}

Result<std::string> RoadmapRepository::insert(Connection& c, const std::string& course_id,
                                              const RoadmapSectionInput& input) {
  const std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertRoadmapSection,
                   {id, course_id, input.section_id, input.title, input.description,
                    input.is_required, format_rfc3339(now())}));
  return id;
}

Result<bool> RoadmapRepository::in_course(Connection& c, const std::string& roadmap_section_id,
                                          const std::string& course_id) {
  if (!is_uuid(roadmap_section_id)) return false;
  DL_ASSIGN_OR_RETURN(RowSet rows,
                      c.query(sql::kRoadmapSectionInCourse, {roadmap_section_id, course_id}));
  return rows[0].integer(0) > 0;
}

ProgressLedger::Statements RoadmapRepository::milestone_progress() {
  return {sql::kSelectRoadmapProgressStatus, sql::kInsertRoadmapProgress,
          sql::kCompleteRoadmapProgress};
}

}  // namespace deltalabs::learning
