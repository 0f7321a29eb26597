#include "engagement/question_bookmark_resource.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"
#include "http/route_group.h"
#include "http/shape_fields.h"
#include "platform/constraint_conflict.h"

namespace deltalabs::engagement {

// --- the service ------------------------------------------------------------------------------

Result<Page<QuestionBookmark>> BookmarkService::list(const Actor& actor, const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kBookmarkTable.page(*conn, sql::kListBookmarks, {actor.user_id}, page);
}

Result<QuestionBookmark> BookmarkService::get(const Actor& actor, const std::string& id) {
  const std::string key = canonical_id(id);
  if (!is_uuid(key)) return sql::kBookmarkTable.not_found();
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  return sql::kBookmarkTable.find_by(*conn, sql::kSelectOwnBookmark, {key, actor.user_id});
}

Result<QuestionBookmark> BookmarkService::add(const Actor& actor, const BookmarkInput& input) {
  return db_.transaction([&](Connection& c) -> Result<QuestionBookmark> {
    DL_ASSIGN_OR_RETURN(Question q, sql::kQuestionTable.find(c, canonical_id(input.question_id)));
    DL_TRY(membership_.require_member(c, actor, q.course_id));
    const std::string id = new_uuid_v7();
    DL_TRY(execute_or_conflict(
        c, sql::kInsertBookmark, {id, actor.user_id, q.id, format_rfc3339(now())},
        storage_code::kUniqueViolation,
        Error::conflict("ALREADY_BOOKMARKED", "You have bookmarked this question already.")));
    return sql::kBookmarkTable.find(c, id);
  });
}

Status BookmarkService::remove(const Actor& actor, const std::string& id) {
  const std::string key = canonical_id(id);
  if (!is_uuid(key)) return sql::kBookmarkTable.not_found();
  return db_.transaction([&](Connection& c) -> Status {
    DL_ASSIGN_OR_RETURN(std::int64_t removed,
                        c.execute(sql::kDeleteBookmark, {key, actor.user_id}));
    if (removed == 0) return sql::kBookmarkTable.not_found();
    return {};
  });
}

// --- the routes -------------------------------------------------------------------------------

namespace {

namespace s = http::schema;

DL_JSON_SHAPE(bookmark_shape, QuestionBookmark, "QuestionBookmark",
              {DL_SHAPE_FIELDS(QuestionBookmark, (id, uuid), (question_id, uuid), (course_id, uuid),
                               (question_title, string), (created_at, timestamp))})

const BodySchema& bookmark_body() {
  static const BodySchema schema{
      field::uuid("question_id").required().into(&BookmarkInput::question_id)};
  return schema;
}

}  // namespace

void register_bookmark_routes(http::Router& router, BookmarkService& bookmarks,
                              const CursorCodec& cursors) {
  const http::RouteGroup g(router, cursors, "Engagement");
  g.list({.path = "/v1/bookmarks",
          .summary = "The questions you bookmarked, newest first",
          .responses = {200}},
         bookmark_shape(), http::call(bookmarks, &BookmarkService::list));

  g.create({.path = "/v1/bookmarks",
            .summary = "Bookmark a question of a course you take part in (409 ALREADY_BOOKMARKED "
                       "the second time)",
            .body = http::json_body(bookmark_body()),
            .responses = {201, 403, 404, 409}},
           bookmark_shape(),
           http::call(bookmarks, &BookmarkService::add, http::body_as<BookmarkInput>),
           "/v1/bookmarks/");

  g.get({.path = "/v1/bookmarks/:id", .summary = "One of your bookmarks", .responses = {200, 404}},
        bookmark_shape(), http::call(bookmarks, &BookmarkService::get, http::id));

  g.del({.path = "/v1/bookmarks/:id",
         .summary = "Remove one of your bookmarks",
         .responses = {204, 404}},
        http::call(bookmarks, &BookmarkService::remove, http::id));
}

}  // namespace deltalabs::engagement
