#pragma once

#include <string>

#include "core/actor.h"
#include "core/page.h"
#include "core/result.h"
#include "engagement/community_membership.h"
#include "engagement/model.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// A course's discussion threads and their posts: members of the course
// (CommunityMembership) list, read, start threads and reply.
class ThreadService {
 public:
  // How many posts a thread's detail carries; the rest are paged by posts().
  static constexpr int kPostsInDetail = 100;

  ThreadService(Database& db, const CommunityMembership& membership)
      : db_(db), membership_(membership) {}

  // A page of the course's threads, newest first (without posts).
  Result<Page<DiscussionThread>> list(const Actor& actor, const std::string& course_id,
                                      const PageRequest& page);
  // Starts a thread in the course.
  Result<DiscussionThread> start(const Actor& actor, const std::string& course_id,
                                 const TopicInput& input);
  // One thread with its first kPostsInDetail posts, oldest first.
  Result<DiscussionThread> get(const Actor& actor, const std::string& id);
  // A page of a thread's posts, oldest first.
  Result<Page<ThreadPost>> posts(const Actor& actor, const std::string& thread_id,
                                 const PageRequest& page);
  // Replies in a thread.
  Result<ThreadPost> reply(const Actor& actor, const std::string& thread_id,
                           const std::string& body);

 private:
  Result<DiscussionThread> readable(Connection& c, const Actor& actor, const std::string& id);

  Database& db_;
  const CommunityMembership& membership_;
};

}  // namespace deltalabs::engagement
