#include "ai/content_draft_repository.h"

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

Result<ContentDraft> ContentDraftRepository::find(Connection& c, const std::string& id) {
  return sql::kDraftTable.find(c, canonical_id(id));
}

Result<Page<ContentDraft>> ContentDraftRepository::by_author(Connection& c,
                                                             const std::string& author_id,
                                                             const PageRequest& page) {
  return sql::kDraftTable.page(c, sql::kListDraftsByAuthor, {author_id}, page);
}

Result<Page<ContentDraft>> ContentDraftRepository::by_course(Connection& c,
                                                             const std::string& course_id,
                                                             const PageRequest& page) {
  return sql::kDraftTable.page(c, sql::kListDraftsByCourse, {course_id}, page);
}

Result<std::string> ContentDraftRepository::insert(Connection& c, const DraftInput& input,
                                                   const std::string& author_id,
                                                   const std::string& source) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertDraft, {id, input.course_id, author_id, input.kind, source,
                                       input.title, input.body, format_rfc3339(now())}));
  return id;
}

Result<bool> ContentDraftRepository::update(Connection& c, const ContentDraft& d) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, c.execute(sql::kUpdateDraft, {d.id, d.title, d.body, d.status,
                                                                    format_rfc3339(now())}));
  return n == 1;
}

Result<bool> ContentDraftRepository::promote(Connection& c, const std::string& id,
                                             const std::string& section_id,
                                             const std::string& user_id) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, c.execute(sql::kPromoteDraft,
                                                {id, section_id, user_id, format_rfc3339(now())}));
  return n == 1;
}

}  // namespace deltalabs::ai
