#include "engagement/thread_repository.h"

#include "core/clock.h"
#include "core/uuid.h"
#include "engagement/engagement_sql.h"

namespace deltalabs::engagement {

Result<DiscussionThread> ThreadRepository::find(Connection& c, const std::string& id) {
  return sql::kThreadTable.find(c, id);
}

Result<Page<DiscussionThread>> ThreadRepository::list(Connection& c, const std::string& course_id,
                                                      const PageRequest& page) {
  return sql::kThreadTable.page(c, sql::kListThreads, {course_id}, page);
}

Result<std::string> ThreadRepository::insert(Connection& c, const std::string& course_id,
                                             const std::string& author_id,
                                             const TopicInput& input) {
  std::string id = new_uuid_v7();
  DL_TRY(c.execute(sql::kInsertThread,
                   {id, course_id, author_id, input.title, input.body, format_rfc3339(now())}));
  return id;
}

Result<ThreadPost> ThreadRepository::insert_post(Connection& c, const std::string& thread_id,
                                                 const std::string& author_id,
                                                 const std::string& body) {
  ThreadPost post{new_uuid_v7(), thread_id, author_id, body, format_rfc3339(now())};
  DL_TRY(c.execute(sql::kInsertPost, {post.id, thread_id, author_id, body, post.created_at}));
  DL_TRY(c.execute(sql::kCountPost, {thread_id, post.created_at}));
  return sql::kPostTable.find(c, post.id);
}

Result<Page<ThreadPost>> ThreadRepository::posts(Connection& c, const std::string& thread_id,
                                                 const PageRequest& page) {
  return sql::kPostTable.page(c, sql::kListPosts, {thread_id}, page);
}

}  // namespace deltalabs::engagement
