#include "engagement/thread_service.h"

#include "core/uuid.h"
#include "engagement/thread_repository.h"

namespace deltalabs::engagement {

Result<Page<DiscussionThread>> ThreadService::list(const Actor& actor, const std::string& course_id,
                                                   const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_TRY(membership_.require_member(*conn, actor, course_id));
  return ThreadRepository::list(*conn, canonical_id(course_id), page);
}

Result<DiscussionThread> ThreadService::start(const Actor& actor, const std::string& course_id,
                                              const TopicInput& input) {
  return db_.transaction([&](Connection& c) -> Result<DiscussionThread> {
    DL_TRY(membership_.require_member(c, actor, course_id));
    DL_ASSIGN_OR_RETURN(std::string id,
                        ThreadRepository::insert(c, canonical_id(course_id), actor.user_id, input));
    return ThreadRepository::find(c, id);
  });
}

Result<DiscussionThread> ThreadService::get(const Actor& actor, const std::string& id) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(DiscussionThread t, readable(*conn, actor, id));
  DL_ASSIGN_OR_RETURN(auto first, ThreadRepository::posts(*conn, t.id, {kPostsInDetail, ""}));
  t.posts = std::move(first.items);
  return t;
}

Result<Page<ThreadPost>> ThreadService::posts(const Actor& actor, const std::string& thread_id,
                                              const PageRequest& page) {
  DL_ASSIGN_OR_RETURN(auto conn, db_.read());
  DL_ASSIGN_OR_RETURN(DiscussionThread t, readable(*conn, actor, thread_id));
  return ThreadRepository::posts(*conn, t.id, page);
}

Result<ThreadPost> ThreadService::reply(const Actor& actor, const std::string& thread_id,
                                        const std::string& body) {
  return db_.transaction([&](Connection& c) -> Result<ThreadPost> {
    DL_ASSIGN_OR_RETURN(DiscussionThread t, readable(c, actor, thread_id));
    return ThreadRepository::insert_post(c, t.id, actor.user_id, body);
  });
}

Result<DiscussionThread> ThreadService::readable(Connection& c, const Actor& actor,
                                                 const std::string& id) {
  DL_ASSIGN_OR_RETURN(DiscussionThread t, ThreadRepository::find(c, canonical_id(id)));
  DL_TRY(membership_.require_member(c, actor, t.course_id));
  return t;
}

}  // namespace deltalabs::engagement
