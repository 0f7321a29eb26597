#include "engagement/engagement_shapes.h"

#include <boost/json.hpp>

#include <algorithm>

#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::engagement {

namespace s = http::schema;

DL_JSON_SHAPE(answer_shape, Answer, "Answer",
              {DL_SHAPE_FIELDS(Answer, (id, uuid), (question_id, uuid), (author_id, uuid),
                               (author_name, string), (body, string), (vote_total, integer),
                               (accepted, boolean), (created_at, timestamp),
                               (updated_at, timestamp))})

namespace {

std::vector<http::ShapeField<Question>> question_fields() {
  return {DL_SHAPE_FIELDS(
      Question, (id, uuid), (course_id, uuid), (author_id, uuid), (author_name, string),
      (title, string), (body, string), (vote_total, integer), (answer_count, integer),
      (accepted_answer_id, uuid), (created_at, timestamp), (updated_at, timestamp))};
}

std::vector<http::ShapeField<DiscussionThread>> thread_fields() {
  return {DL_SHAPE_FIELDS(DiscussionThread, (id, uuid), (course_id, uuid), (author_id, uuid),
                          (author_name, string), (title, string), (body, string),
                          (post_count, integer), (last_post_at, timestamp),
                          (created_at, timestamp))};
}

}  // namespace

DL_JSON_SHAPE(question_shape, Question, "Question", question_fields())

DL_JSON_SHAPE(question_detail_shape, Question, "QuestionDetail",
              http::concat(question_fields(),
                           {http::array_of("answers", answer_shape(), &Question::answers)}))

DL_JSON_SHAPE(vote_shape, VoteResult, "Vote",
              {DL_SHAPE_FIELDS(VoteResult, (target_type, one_of, {"question", "answer"}),
                               (target_id, uuid), (value, integer), (vote_total, integer))})

DL_JSON_SHAPE(post_shape, ThreadPost, "ThreadPost",
              {DL_SHAPE_FIELDS(ThreadPost, (id, uuid), (thread_id, uuid), (author_id, uuid),
                               (author_name, string), (body, string), (created_at, timestamp))})

DL_JSON_SHAPE(thread_shape, DiscussionThread, "DiscussionThread", thread_fields())

DL_JSON_SHAPE(thread_detail_shape, DiscussionThread, "DiscussionThreadDetail",
              http::concat(thread_fields(),
                           {http::array_of("posts", post_shape(), &DiscussionThread::posts)}))

DL_JSON_SHAPE(event_shape, CommunityEvent, "CommunityEvent",
              {DL_SHAPE_FIELDS(CommunityEvent, (id, uuid), (course_id, uuid), (organizer_id, uuid),
                               (organizer_name, string), (title, string), (description, string),
                               (location, string), (capacity, integer), (starts_at, timestamp),
                               (ends_at, timestamp), (going, integer), (waitlisted, integer),
                               (interested, integer)),
               {"seats_left", s::integer(),
                [](const CommunityEvent& e) {
                  return boost::json::value(std::max<std::int64_t>(0, e.capacity - e.going));
                }},
               DL_SHAPE_FIELDS(CommunityEvent, (created_at, timestamp))})

DL_JSON_SHAPE(rsvp_shape, Rsvp, "Rsvp",
              {DL_SHAPE_FIELDS(Rsvp, (id, uuid), (event_id, uuid), (user_id, uuid),
                               (status, one_of, {"going", "interested", "waitlisted"}),
                               (waitlist_position, integer), (created_at, timestamp),
                               (updated_at, timestamp))})

DL_JSON_SHAPE(notification_shape, Notification, "Notification",
              {DL_SHAPE_FIELDS(Notification, (id, uuid), (kind, string)),
               {"payload", s::any_object(),
                [](const Notification& n) { return http::object_or_empty(n.payload); }},
               DL_SHAPE_FIELDS(Notification, (read_at, timestamp), (created_at, timestamp))})

std::string sse_event(const Notification& n) {
  // Kinds are plain identifiers and serialized JSON has no raw line breaks,
  // so neither can end a field early.
  return "id: " + n.id + "\nevent: " + n.kind +
         "\ndata: " + boost::json::serialize(notification_shape().render(n)) + "\n\n";
}

}  // namespace deltalabs::engagement
