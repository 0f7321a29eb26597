#pragma once

// Question bookmarks: a learner keeps the questions they want to come back
// to. A small resource, so one unit (docs/style.md, "A small resource"): the
// model, its service and its routes here; its rows are read and written
// through RowTable (engagement_sql.h), with no repository of its own.

#include <string>

#include "core/actor.h"
#include "core/cursor_codec.h"
#include "core/page.h"
#include "core/result.h"
#include "engagement/community_membership.h"
#include "http/router.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// One question one user keeps, with what a list shows of the question.
struct QuestionBookmark {
  std::string id;
  std::string user_id;
  std::string question_id;
  std::string course_id;       // the question's course
  std::string question_title;  // the question's title as it is now
  std::string created_at;
};

// What POST /v1/bookmarks reads.
struct BookmarkInput {
  std::string question_id;
};

// A user's own bookmarks: nobody reads or removes another's (404 for them).
class BookmarkService {
 public:
  BookmarkService(Database& db, const CommunityMembership& membership)
      : db_(db), membership_(membership) {}

  // The caller's bookmarks, newest first.
  Result<Page<QuestionBookmark>> list(const Actor& actor, const PageRequest& page);
  // One of the caller's bookmarks; 404 BOOKMARK_NOT_FOUND for any other id.
  Result<QuestionBookmark> get(const Actor& actor, const std::string& id);
  // Bookmarks a question the caller may read (404 QUESTION_NOT_FOUND, 403
  // NOT_A_COURSE_MEMBER as reading it would); 409 ALREADY_BOOKMARKED the second time.
  Result<QuestionBookmark> add(const Actor& actor, const BookmarkInput& input);
  // Removes one of the caller's bookmarks; 404 BOOKMARK_NOT_FOUND for any other id.
  Status remove(const Actor& actor, const std::string& id);

 private:
  Database& db_;
  const CommunityMembership& membership_;
};

// Adds GET and POST /v1/bookmarks and GET and DELETE /v1/bookmarks/:id.
void register_bookmark_routes(http::Router& router, BookmarkService& bookmarks,
                              const CursorCodec& cursors);

}  // namespace deltalabs::engagement
