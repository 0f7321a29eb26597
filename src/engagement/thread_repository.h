#pragma once

#include <string>

#include "core/page.h"
#include "core/result.h"
#include "engagement/model.h"
#include "storage/connection.h"

namespace deltalabs::engagement {

// Rows of discussion threads and their posts. A post is inserted with its
// thread's post_count in the same transaction.
class ThreadRepository {
 public:
  // One thread without its posts; 404 THREAD_NOT_FOUND when absent.
  static Result<DiscussionThread> find(Connection& c, const std::string& id);
  // A page of a course's threads, newest first.
  static Result<Page<DiscussionThread>> list(Connection& c, const std::string& course_id,
                                             const PageRequest& page);
  // Inserts a thread and returns its id.
  static Result<std::string> insert(Connection& c, const std::string& course_id,
                                    const std::string& author_id, const TopicInput& input);
  // Inserts a post, counts it on its thread and returns it.
  static Result<ThreadPost> insert_post(Connection& c, const std::string& thread_id,
                                        const std::string& author_id, const std::string& body);
  // A page of a thread's posts, oldest first.
  static Result<Page<ThreadPost>> posts(Connection& c, const std::string& thread_id,
                                        const PageRequest& page);
};

}  // namespace deltalabs::engagement
