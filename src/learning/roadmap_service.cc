#include "learning/roadmap_service.h"

#include <algorithm>

#include "content/section_service.h"

#include "learning/enrollment_repository.h"
#include "learning/roadmap_repository.h"
#include "platform/activity_log.h"

namespace deltalabs::learning {

RoadmapService::RoadmapService(Database& db, catalog::CourseService& courses)
    : db_(db), courses_(courses), milestones_(RoadmapRepository::milestone_progress()) {}

Result<Roadmap> RoadmapService::get(const Actor& actor, const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return load(*conn, actor, course_id);
}

Result<RoadmapSection> RoadmapService::add_section(const Actor& actor, const std::string& course_id,
                                                   const RoadmapSectionInput& input) {
  return db_.transaction([&](Connection& c) -> Result<RoadmapSection> {
    DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, course_id));
    DL_ASSIGN_OR_RETURN(bool editor, courses_.is_editor(c, actor, course));
    if (!editor) return Error::forbidden("Only the course's editors shape its roadmap.");
    if (input.section_id) {
      DL_ASSIGN_OR_RETURN(bool ours,
                          content::SectionService::in_course(c, *input.section_id, course.id));
      if (!ours) {
        return Error::invalid("The request body is not valid.",
                              {{"section_id", "is not a section of this course"}});
      }
    }
    DL_ASSIGN_OR_RETURN(std::string id, RoadmapRepository::insert(c, course.id, input));
    DL_ASSIGN_OR_RETURN(auto sections, RoadmapRepository::sections(c, course.id, ""));
    auto added = std::find_if(sections.begin(), sections.end(),
                              [&](const RoadmapSection& s) { return s.id == id; });
    if (added == sections.end()) return Error::internal("roadmap section vanished: " + id);
    return *added;
  });
}

Result<Roadmap> RoadmapService::update_progress(const Actor& actor, const std::string& course_id,
                                                const std::string& roadmap_section_id,
                                                const std::string& status) {
  return db_.transaction([&](Connection& c) -> Result<Roadmap> {
    DL_ASSIGN_OR_RETURN(Roadmap before, load(c, actor, course_id));
    if (!before.enrollment_id) {
      return Error::forbidden("Only enrolled learners record roadmap progress.", "NOT_ENROLLED");
    }
    DL_TRY(EnrollmentRepository::lock(c, *before.enrollment_id));
    DL_ASSIGN_OR_RETURN(before, load(c, actor, course_id));
    DL_ASSIGN_OR_RETURN(bool ours,
                        RoadmapRepository::in_course(c, roadmap_section_id, before.course_id));
    if (!ours) {
      return Error::invalid("The request body is not valid.",
                            {{"roadmap_section_id", "is not a milestone of this course"}});
    }
    DL_TRY(milestones_.advance(c, *before.enrollment_id, roadmap_section_id, status));
    DL_ASSIGN_OR_RETURN(Roadmap after, load(c, actor, course_id));
    if (!before.completed() && after.completed()) {
      DL_TRY(ActivityLog::record(
          c, actor.user_id,
          {{}, "roadmap.completed", after.course_id, *after.enrollment_id, "{}", {}}));
    }
    return after;
  });
}

Result<Roadmap> RoadmapService::load(Connection& c, const Actor& actor,
                                     const std::string& course_id) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, course_id));
  Roadmap roadmap{course.id, std::nullopt, {}};
  if (actor.authenticated()) {
    DL_ASSIGN_OR_RETURN(auto mine, EnrollmentRepository::find_of(c, actor.user_id, course.id));
    if (mine && mine->live()) roadmap.enrollment_id = mine->id;
  }
  DL_ASSIGN_OR_RETURN(roadmap.sections, RoadmapRepository::sections(
                                            c, course.id, roadmap.enrollment_id.value_or("")));
  return roadmap;
}

}  // namespace deltalabs::learning
