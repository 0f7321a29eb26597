#include "ai/content_draft_service.h"

#include "ai/ai_sql.h"
#include "core/clock.h"
#include "core/uuid.h"

namespace deltalabs::ai {

namespace {

Error not_a_draft(const ContentDraft& d) {
  return Error::conflict("DRAFT_NOT_DRAFT", "The draft is " + d.status + ", not a draft.");
}

// Runs a statement that changes one draft while it is still a draft: false
// when it was promoted meanwhile (the statement's WHERE matched no row).
Result<bool> changed_one(Connection& c, std::string_view statement, const Params& params) {
  DL_ASSIGN_OR_RETURN(std::int64_t n, c.execute(statement, params));
  return n == 1;
}

}  // namespace

Result<ContentDraft> ContentDraftService::readable(Connection& c, const Actor& actor,
                                                   const std::string& id) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(ContentDraft d, sql::kDraftTable.find(c, canonical_id(id)));
  if (d.author_id == actor.user_id) return d;
  auto course = courses_.visible(c, actor, d.course_id);
  if (!course.ok()) return Error::not_found("content draft");
  DL_ASSIGN_OR_RETURN(bool editor, courses_.is_editor(c, actor, course.value()));
  if (!editor) return Error::not_found("content draft");
  return d;
}

Result<ContentDraft> ContentDraftService::create(const Actor& actor, const DraftInput& input,
                                                 const std::string& source) {
  DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, input.course_id));
  DraftInput stored = input;
  stored.course_id = course.id;
  return db_.transaction([&](Connection& c) -> Result<ContentDraft> {
    std::string draft_id = new_uuid_v7();
    return sql::kDraftTable.insert(c, sql::kInsertDraft,
                                   {draft_id, stored.course_id, actor.user_id, stored.kind, source,
                                    stored.title, stored.body, format_rfc3339(now())},
                                   draft_id);
  });
}

Result<Page<ContentDraft>> ContentDraftService::list(const Actor& actor,
                                                     const std::optional<std::string>& course_id,
                                                     const PageRequest& page) {
  if (!actor.authenticated()) return Error::unauthorized();
  if (course_id) {
    DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, *course_id));
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    return sql::kDraftTable.page(*conn, sql::kListDraftsByCourse, {course.id}, page);
  }
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kDraftTable.page(*conn, sql::kListDraftsByAuthor, {actor.user_id}, page);
}

Result<ContentDraft> ContentDraftService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return readable(*conn, actor, id);
}

Result<ContentDraft> ContentDraftService::update(const Actor& actor, const std::string& id,
                                                 const DraftChange& change) {
  return db_.transaction([&](Connection& c) -> Result<ContentDraft> {
    DL_ASSIGN_OR_RETURN(ContentDraft d, readable(c, actor, id));
    if (d.status == "promoted") return not_a_draft(d);
    if (change.title) d.title = *change.title;
    if (change.body) d.body = *change.body;
    if (change.status) d.status = *change.status;
    DL_ASSIGN_OR_RETURN(bool written,
                        changed_one(c, sql::kUpdateDraft,
                                    {d.id, d.title, d.body, d.status, format_rfc3339(now())}));
    if (!written) return Error::conflict("DRAFT_NOT_DRAFT", "The draft was promoted meanwhile.");
    return sql::kDraftTable.find(c, d.id);
  });
}

Result<std::pair<ContentDraft, content::Section>> ContentDraftService::promote(
    const Actor& actor, const std::string& id) {
  using Promoted = std::pair<ContentDraft, content::Section>;
  return db_.transaction([&](Connection& c) -> Result<Promoted> {
    DL_ASSIGN_OR_RETURN(ContentDraft d, readable(c, actor, id));
    if (d.kind != "section") {
      return Error::conflict("DRAFT_NOT_PROMOTABLE",
                             "Only section drafts become sections; this one is a " + d.kind + ".");
    }
    if (d.status != "draft") return not_a_draft(d);
    content::SectionInput input{d.title, d.body, std::nullopt};
    DL_ASSIGN_OR_RETURN(content::Section section,
                        sections_.create_within(c, actor, d.course_id, input));
    DL_ASSIGN_OR_RETURN(bool promoted,
                        changed_one(c, sql::kPromoteDraft,
                                    {d.id, section.id, actor.user_id, format_rfc3339(now())}));
    // A concurrent promotion won: this transaction, and its section, roll back.
    if (!promoted) return not_a_draft(d);
    DL_ASSIGN_OR_RETURN(ContentDraft after, sql::kDraftTable.find(c, d.id));
    return Promoted{std::move(after), std::move(section)};
  });
}

}  // namespace deltalabs::ai
