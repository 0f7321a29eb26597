#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace deltalabs::engagement {

// Plain structs of the engagement domain: what repositories read and services return.

// An answer to a course question, with its vote total and whether it is the accepted one.
struct Answer {
  std::string id;
  std::string question_id;
  std::string author_id;
  std::string body;
  std::int64_t vote_total = 0;
  bool accepted = false;
  std::string created_at;
  std::string updated_at;
  std::string author_name;  // first and last name, as people see it (read, never written)
};

// A question of a course's Q&A; `answers` is filled where one question is read.
struct Question {
  std::string id;
  std::string course_id;
  std::string author_id;
  std::string title;
  std::string body;
  std::int64_t vote_total = 0;
  std::int64_t answer_count = 0;
  std::optional<std::string> accepted_answer_id;
  std::string created_at;
  std::string updated_at;
  std::vector<Answer> answers;
  std::string author_name;  // first and last name, as people see it (read, never written)
};

// A new question or thread: a title and a body.
struct TopicInput {
  std::string title;
  std::string body;
};

// What a vote is on: a question or an answer.
struct VoteTarget {
  std::string type;  // question, answer
  std::string id;
};

// The caller's vote on a target and the target's total after it.
struct VoteResult {
  std::string target_type;
  std::string target_id;
  int value = 0;  // 1, -1, or 0 after a DELETE
  std::int64_t vote_total = 0;
};

// A post in a discussion thread.
struct ThreadPost {
  std::string id;
  std::string thread_id;
  std::string author_id;
  std::string body;
  std::string created_at;
  std::string author_name;  // first and last name, as people see it (read, never written)
};

// A discussion thread; `posts` is filled where one thread is read.
struct DiscussionThread {
  std::string id;
  std::string course_id;
  std::string author_id;
  std::string title;
  std::string body;
  std::int64_t post_count = 0;
  std::optional<std::string> last_post_at;
  std::string created_at;
  std::vector<ThreadPost> posts;
  std::string author_name;  // first and last name, as people see it (read, never written)
};

// A community event of a course, with how many are going, waiting and interested.
struct CommunityEvent {
  std::string id;
  std::string course_id;
  std::string organizer_id;
  std::string title;
  std::string description;
  std::string location;
  std::int64_t capacity = 0;
  std::string starts_at;
  std::optional<std::string> ends_at;
  std::int64_t going = 0;
  std::int64_t waitlisted = 0;
  std::int64_t interested = 0;
  std::string created_at;
  std::string organizer_name;  // first and last name (read, never written)
};

// A new community event.
struct EventInput {
  std::string title;
  std::string description;
  std::string location;
  std::int64_t capacity = 0;
  std::string starts_at;
  std::optional<std::string> ends_at;
};

// A user's RSVP to an event.
struct Rsvp {
  std::string id;
  std::string event_id;
  std::string user_id;
  std::string status;  // going, interested, waitlisted
  std::optional<std::int64_t> waitlist_position;
  std::string created_at;
  std::string updated_at;
};

// A notification as its recipient reads it.
struct Notification {
  std::string id;
  std::string user_id;
  std::string kind;
  std::string payload;  // a JSON object's text
  std::optional<std::string> read_at;
  std::string created_at;
};

}  // namespace deltalabs::engagement
