#pragma once

#include <string>

#include "ai/model.h"
#include "core/page.h"
#include "core/result.h"
#include "storage/connection.h"

namespace deltalabs::ai {

// Rows of content_drafts (SQL in ai_sql.h).
class ContentDraftRepository {
 public:
  // One draft; 404 CONTENT_DRAFT_NOT_FOUND.
  static Result<ContentDraft> find(Connection& c, const std::string& id);
  // A page of the drafts `author_id` wrote, newest first.
  static Result<Page<ContentDraft>> by_author(Connection& c, const std::string& author_id,
                                              const PageRequest& page);
  // A page of one course's drafts, newest first.
  static Result<Page<ContentDraft>> by_course(Connection& c, const std::string& course_id,
                                              const PageRequest& page);
  // Inserts a draft in status draft; returns its id.
  static Result<std::string> insert(Connection& c, const DraftInput& input,
                                    const std::string& author_id, const std::string& source);
  // Writes title, body and status; false when the draft was promoted meanwhile.
  static Result<bool> update(Connection& c, const ContentDraft& draft);
  // Marks a draft promoted into `section_id`; false when it was no longer a draft.
  static Result<bool> promote(Connection& c, const std::string& id, const std::string& section_id,
                              const std::string& user_id);
};

}  // namespace deltalabs::ai
