#pragma once

#include <chrono>
#include <string>

#include "core/cursor_codec.h"
#include "engagement/community_membership.h"
#include "engagement/event_service.h"
#include "engagement/notification_hub.h"
#include "engagement/notification_service.h"
#include "engagement/question_bookmark_resource.h"
#include "engagement/question_service.h"
#include "engagement/thread_service.h"
#include "engagement/vote_service.h"
#include "http/router.h"
#include "learning/enrollment_service.h"
#include "storage/database.h"

namespace deltalabs::engagement {

// Settings of the engagement domain.
struct EngagementOptions {
  // The database's URL: where the notification hub LISTENs on PostgreSQL.
  std::string database_url;
  // How often an open notification stream gets a heartbeat comment.
  std::chrono::milliseconds heartbeat{15000};
};

// The engagement domain wired together: course Q&A and votes, discussion
// threads, community events with RSVPs, question bookmarks, notifications
// and their stream, with routes. Course membership comes from the learning domain.
class EngagementModule {
 public:
  // Builds the services; the hub's thread starts with the first stream.
  EngagementModule(Database& db, learning::EnrollmentService& enrollments,
                   const CursorCodec& cursors, const EngagementOptions& options);

  // Adds every engagement route.
  void register_routes(http::Router& router);

  // Questions and answers.
  QuestionService& questions() { return questions_; }
  // Votes on questions and answers.
  VoteService& votes() { return votes_; }
  // Discussion threads.
  ThreadService& threads() { return threads_; }
  // Community events and RSVPs.
  EventService& events() { return events_; }
  // A user's notifications.
  NotificationService& notifications() { return notifications_; }
  // A user's question bookmarks.
  BookmarkService& bookmarks() { return bookmarks_; }

 private:
  const CursorCodec& cursors_;
  CommunityMembership membership_;
  QuestionService questions_;
  VoteService votes_;
  ThreadService threads_;
  EventService events_;
  NotificationService notifications_;
  NotificationHub hub_;
  BookmarkService bookmarks_;
};

}  // namespace deltalabs::engagement
