#include "ai/content_draft_service.h"

#include "ai/content_draft_repository.h"

namespace deltalabs::ai {

namespace {

Error not_a_draft(const ContentDraft& d) {
  return Error::conflict("DRAFT_NOT_DRAFT", "The draft is " + d.status + ", not a draft.");
}

}  // namespace

Result<ContentDraft> ContentDraftService::readable(Connection& c, const Actor& actor,
                                                   const std::string& id) {
  if (!actor.authenticated()) return Error::unauthorized();
  DL_ASSIGN_OR_RETURN(ContentDraft d, ContentDraftRepository::find(c, id));
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
    DL_ASSIGN_OR_RETURN(std::string id,
                        ContentDraftRepository::insert(c, stored, actor.user_id, source));
    return ContentDraftRepository::find(c, id);
  });
}

Result<Page<ContentDraft>> ContentDraftService::list(const Actor& actor,
                                                     const std::optional<std::string>& course_id,
                                                     const PageRequest& page) {
  if (!actor.authenticated()) return Error::unauthorized();
  if (course_id) {
    DL_ASSIGN_OR_RETURN(catalog::Course course, courses_.require_editor(actor, *course_id));
    DL_ASSIGN_OR_RETURN(auto conn, db_.read());
    return ContentDraftRepository::by_course(*conn, course.id, page);
  }
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return ContentDraftRepository::by_author(*conn, actor.user_id, page);
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
    DL_ASSIGN_OR_RETURN(bool written, ContentDraftRepository::update(c, d));
    if (!written) return Error::conflict("DRAFT_NOT_DRAFT", "The draft was promoted meanwhile.");
    return ContentDraftRepository::find(c, d.id);
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
                        ContentDraftRepository::promote(c, d.id, section.id, actor.user_id));
    // A concurrent promotion won: this transaction, and its section, roll back.
    if (!promoted) return not_a_draft(d);
    DL_ASSIGN_OR_RETURN(ContentDraft after, ContentDraftRepository::find(c, d.id));
    return Promoted{std::move(after), std::move(section)};
  });
}

}  // namespace deltalabs::ai
