#include "engagement/engagement_shapes.h"

#include <boost/json.hpp>

#include <algorithm>

#include "http/json_fields.h"
#include "http/shape_fields.h"

namespace deltalabs::engagement {

namespace s = http::schema;

const http::JsonShape<Answer>& answer_shape() {
  static const http::JsonShape<Answer> shape("Answer",
                                             {{"id", s::uuid(), &Answer::id},
                                              {"question_id", s::uuid(), &Answer::question_id},
                                              {"author_id", s::uuid(), &Answer::author_id},
                                              {"author_name", s::string(), &Answer::author_name},
                                              {"body", s::string(), &Answer::body},
                                              {"vote_total", s::integer(), &Answer::vote_total},
                                              {"accepted", s::boolean(), &Answer::accepted},
                                              {"created_at", s::timestamp(), &Answer::created_at},
                                              {"updated_at", s::timestamp(), &Answer::updated_at}});
  return shape;
}

namespace {

std::vector<http::ShapeField<Question>> question_fields() {
  return {{"id", s::uuid(), &Question::id},
          {"course_id", s::uuid(), &Question::course_id},
          {"author_id", s::uuid(), &Question::author_id},
          {"author_name", s::string(), &Question::author_name},
          {"title", s::string(), &Question::title},
          {"body", s::string(), &Question::body},
          {"vote_total", s::integer(), &Question::vote_total},
          {"answer_count", s::integer(), &Question::answer_count},
          {"accepted_answer_id", s::uuid(), &Question::accepted_answer_id},
          {"created_at", s::timestamp(), &Question::created_at},
          {"updated_at", s::timestamp(), &Question::updated_at}};
}

std::vector<http::ShapeField<DiscussionThread>> thread_fields() {
  return {{"id", s::uuid(), &DiscussionThread::id},
          {"course_id", s::uuid(), &DiscussionThread::course_id},
          {"author_id", s::uuid(), &DiscussionThread::author_id},
          {"author_name", s::string(), &DiscussionThread::author_name},
          {"title", s::string(), &DiscussionThread::title},
          {"body", s::string(), &DiscussionThread::body},
          {"post_count", s::integer(), &DiscussionThread::post_count},
          {"last_post_at", s::timestamp(), &DiscussionThread::last_post_at},
          {"created_at", s::timestamp(), &DiscussionThread::created_at}};
}

}  // namespace

const http::JsonShape<Question>& question_shape() {
  static const http::JsonShape<Question> shape("Question", question_fields());
  return shape;
}

const http::JsonShape<Question>& question_detail_shape() {
  static const http::JsonShape<Question> shape(
      "QuestionDetail", http::concat(question_fields(), {http::array_of("answers", answer_shape(),
                                                                        &Question::answers)}));
  return shape;
}

const http::JsonShape<VoteResult>& vote_shape() {
  static const http::JsonShape<VoteResult> shape(
      "Vote", {{"target_type", s::one_of({"question", "answer"}), &VoteResult::target_type},
               {"target_id", s::uuid(), &VoteResult::target_id},
               {"value", s::integer(), &VoteResult::value},
               {"vote_total", s::integer(), &VoteResult::vote_total}});
  return shape;
}

const http::JsonShape<ThreadPost>& post_shape() {
  static const http::JsonShape<ThreadPost> shape(
      "ThreadPost", {{"id", s::uuid(), &ThreadPost::id},
                     {"thread_id", s::uuid(), &ThreadPost::thread_id},
                     {"author_id", s::uuid(), &ThreadPost::author_id},
                     {"author_name", s::string(), &ThreadPost::author_name},
                     {"body", s::string(), &ThreadPost::body},
                     {"created_at", s::timestamp(), &ThreadPost::created_at}});
  return shape;
}

const http::JsonShape<DiscussionThread>& thread_shape() {
  static const http::JsonShape<DiscussionThread> shape("DiscussionThread", thread_fields());
  return shape;
}

const http::JsonShape<DiscussionThread>& thread_detail_shape() {
  static const http::JsonShape<DiscussionThread> shape(
      "DiscussionThreadDetail",
      http::concat(thread_fields(),
                   {http::array_of("posts", post_shape(), &DiscussionThread::posts)}));
  return shape;
}

const http::JsonShape<CommunityEvent>& event_shape() {
  static const http::JsonShape<CommunityEvent> shape(
      "CommunityEvent",
      {{"id", s::uuid(), &CommunityEvent::id},
       {"course_id", s::uuid(), &CommunityEvent::course_id},
       {"organizer_id", s::uuid(), &CommunityEvent::organizer_id},
       {"organizer_name", s::string(), &CommunityEvent::organizer_name},
       {"title", s::string(), &CommunityEvent::title},
       {"description", s::string(), &CommunityEvent::description},
       {"location", s::string(), &CommunityEvent::location},
       {"capacity", s::integer(), &CommunityEvent::capacity},
       {"starts_at", s::timestamp(), &CommunityEvent::starts_at},
       {"ends_at", s::timestamp(), &CommunityEvent::ends_at},
       {"going", s::integer(), &CommunityEvent::going},
       {"waitlisted", s::integer(), &CommunityEvent::waitlisted},
       {"interested", s::integer(), &CommunityEvent::interested},
       {"seats_left", s::integer(),
        [](const CommunityEvent& e) {
          return boost::json::value(std::max<std::int64_t>(0, e.capacity - e.going));
        }},
       {"created_at", s::timestamp(), &CommunityEvent::created_at}});
  return shape;
}

const http::JsonShape<Rsvp>& rsvp_shape() {
  static const http::JsonShape<Rsvp> shape(
      "Rsvp", {{"id", s::uuid(), &Rsvp::id},
               {"event_id", s::uuid(), &Rsvp::event_id},
               {"user_id", s::uuid(), &Rsvp::user_id},
               {"status", s::one_of({"going", "interested", "waitlisted"}), &Rsvp::status},
               {"waitlist_position", s::integer(), &Rsvp::waitlist_position},
               {"created_at", s::timestamp(), &Rsvp::created_at},
               {"updated_at", s::timestamp(), &Rsvp::updated_at}});
  return shape;
}

const http::JsonShape<Notification>& notification_shape() {
  static const http::JsonShape<Notification> shape(
      "Notification", {{"id", s::uuid(), &Notification::id},
                       {"kind", s::string(), &Notification::kind},
                       {"payload", s::any_object(),
                        [](const Notification& n) { return http::object_or_empty(n.payload); }},
                       {"read_at", s::timestamp(), &Notification::read_at},
                       {"created_at", s::timestamp(), &Notification::created_at}});
  return shape;
}

std::string sse_event(const Notification& n) {
  // Kinds are plain identifiers and serialized JSON has no raw line breaks,
  // so neither can end a field early.
  return "id: " + n.id + "\nevent: " + n.kind +
         "\ndata: " + boost::json::serialize(notification_shape().render(n)) + "\n\n";
}

}  // namespace deltalabs::engagement
