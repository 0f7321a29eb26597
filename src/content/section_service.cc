#include "content/section_service.h"

#include "content/positioned_writes.h"
#include "content/section_repository.h"

namespace deltalabs::content {

namespace {

constexpr int kSyllabusLimit = 500;

using SectionWrites = PositionedWrites<Section, SectionRepository>;

// A course the actor may not see hides its sections too.
Error section_hidden(Error e) {
  if (e.kind == ErrorKind::kNotFound) return Error::not_found("section");
  return e;
}

}  // namespace

Result<Page<Section>> SectionService::list(const Actor& actor, const std::string& course_id,
                                           const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.get(actor, course_id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return SectionRepository::list(*conn, course.id, page);
}

Result<Section> SectionService::create(const Actor& actor, const std::string& course_id,
                                       const SectionInput& input) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, course_id));
  return SectionWrites::create(db_, course.id, input);
}

Result<Section> SectionService::create_within(Connection& c, const Actor& actor,
                                              const std::string& course_id,
                                              const SectionInput& input) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.visible(c, actor, course_id));
  DL_ASSIGN_OR_RETURN(bool editor, courses_.is_editor(c, actor, course));
  if (!editor)
    return Error::forbidden("Only the course's instructors and catalog editors may change it.");
  return SectionWrites::create(c, course.id, input);
}

Result<Section> SectionService::update(const Actor& actor, const std::string& id,
                                       const SectionInput& input) {
  DL_ASSIGN_OR_RETURN(Section section, editable(actor, id));
  return SectionWrites::update(db_, section.id, input);
}

Status SectionService::remove(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(Section section, editable(actor, id));
  return SectionWrites::remove(db_, section.id);
}

Result<Section> SectionService::visible(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Section section, SectionRepository::find(*conn, id));
  auto course = courses_.get(actor, section.course_id);
  if (!course.ok()) return section_hidden(std::move(course).error());
  return section;
}

Result<Section> SectionService::editable(const Actor& actor, const std::string& id) {
  Section section;
  {
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    DL_ASSIGN_OR_RETURN(section, SectionRepository::find(*conn, id));
  }
  auto course = courses_.require_editor(actor, section.course_id);
  if (!course.ok()) return section_hidden(std::move(course).error());
  return section;
}

Result<CourseIntro> SectionService::intro(const Actor& actor, const std::string& course_id) {
  CourseIntro intro;
  DL_ASSIGN_OR_RETURN(intro.course, courses_.get(actor, course_id));
  DL_ASSIGN_OR_RETURN(intro.instructors, courses_.instructors(actor, intro.course.id));
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(Page<Section> sections,
                      SectionRepository::list(*conn, intro.course.id, {kSyllabusLimit, ""}));
  intro.syllabus = std::move(sections.items);
  DL_ASSIGN_OR_RETURN(intro.item_count, SectionRepository::item_count(*conn, intro.course.id));
  return intro;
}

Result<bool> SectionService::in_course(Connection& c, const std::string& section_id,
                                       const std::string& course_id) {
  return SectionRepository::in_course(c, section_id, course_id);
}

}  // namespace deltalabs::content
