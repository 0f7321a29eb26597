#pragma once

#include <optional>
#include <string>

#include "ai/model.h"
#include "catalog/course_service.h"
#include "content/model.h"
#include "content/section_service.h"
#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/database.h"

namespace deltalabs::ai {

// Drafts of course outlines, sections and summaries. Who may do what:
//  - editors of a course (its instructors, holders of courses:update) write
//    drafts for it; the assistant writes them as the user it acts for;
//  - a draft is read and changed by its author and by the course's editors
//    (404 to everyone else); a promoted draft no longer changes (409);
//  - an editor of the course promotes a section draft once: the new section
//    and the draft's promotion commit together (409 DRAFT_NOT_DRAFT on a
//    second or concurrent promotion, DRAFT_NOT_PROMOTABLE for other kinds).
class ContentDraftService {
 public:
  ContentDraftService(Database& db, catalog::CourseService& courses,
                      content::SectionService& sections)
      : db_(db), courses_(courses), sections_(sections) {}

  // Writes a draft for a course the actor edits; `source` is author or assistant.
  Result<ContentDraft> create(const Actor& actor, const DraftInput& input,
                              const std::string& source = "author");
  // The actor's own drafts, or (course_id set, editors only) a course's drafts.
  Result<Page<ContentDraft>> list(const Actor& actor, const std::optional<std::string>& course_id,
                                  const PageRequest& page);
  // One draft the actor may read.
  Result<ContentDraft> get(const Actor& actor, const std::string& id);
  // Changes a draft's title, body or status (draft <-> discarded).
  Result<ContentDraft> update(const Actor& actor, const std::string& id, const DraftChange& change);
  // Promotes a section draft into a new section of its course; returns the
  // draft (with section_id) and the section.
  Result<std::pair<ContentDraft, content::Section>> promote(const Actor& actor,
                                                            const std::string& id);

 private:
  Result<ContentDraft> readable(Connection& c, const Actor& actor, const std::string& id);

  Database& db_;
  catalog::CourseService& courses_;
  content::SectionService& sections_;
};

}  // namespace deltalabs::ai
