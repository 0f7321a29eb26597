#pragma once

// Every SQL statement of the engagement domain. Derived counters kept here,
// each in the transaction that changes what it counts: questions.vote_total
// and answers.vote_total (sum of votes.value), questions.answer_count and
// discussion_threads.post_count. Lists page by id: ids are UUIDv7, so id
// order is creation order.

#include "engagement/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/sql_text.h"

// The display name of the user whose id is in `column` (identity's users,
// a declared read-only view): what people see beside a post.
#define DL_DISPLAY_NAME(column) \
  "(SELECT u.first_name || ' ' || u.last_name FROM users u WHERE u.id = " #column ")"

namespace deltalabs::engagement::sql {

// --- questions and answers ----------------------------------------------------------------------

inline constexpr auto kQuestionRow = row_mapping<Question>({
    {"id", &Question::id},
    {"course_id", &Question::course_id},
    {"author_id", &Question::author_id},
    {DL_DISPLAY_NAME(author_id), &Question::author_name},
    {"title", &Question::title},
    {"body", &Question::body},
    {"vote_total", &Question::vote_total},
    {"answer_count", &Question::answer_count},
    {"accepted_answer_id", &Question::accepted_answer_id},
    {"created_at", &Question::created_at},
    {"updated_at", &Question::updated_at},
});
inline constexpr auto kQuestionSelect =
    sql_concat("SELECT ", column_list<kQuestionRow>(), " FROM questions ");

inline constexpr auto kSelectQuestion = sql_concat(kQuestionSelect, "WHERE id = $1");
inline constexpr auto kListQuestions =
    sql_concat(kQuestionSelect, "WHERE course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertQuestion =
    "INSERT INTO questions (id, course_id, author_id, title, body, vote_total, answer_count, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, 0, $6, $6)";
inline constexpr const char* kCountAnswer =
    "UPDATE questions SET answer_count = answer_count + 1, updated_at = $2 WHERE id = $1";
inline constexpr const char* kAcceptAnswer =
    "UPDATE questions SET accepted_answer_id = $2, updated_at = $3 WHERE id = $1";

inline constexpr auto kAnswerRow = row_mapping<Answer>({
    {"a.id", &Answer::id},
    {"a.question_id", &Answer::question_id},
    {"a.author_id", &Answer::author_id},
    {DL_DISPLAY_NAME(a.author_id), &Answer::author_name},
    {"a.body", &Answer::body},
    {"a.vote_total", &Answer::vote_total},
    {"CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END", &Answer::accepted},
    {"a.created_at", &Answer::created_at},
    {"a.updated_at", &Answer::updated_at},
});
inline constexpr auto kAnswerSelect =
    sql_concat("SELECT ", column_list<kAnswerRow>(),
               " FROM answers a JOIN questions q ON q.id = a.question_id ");

inline constexpr auto kSelectAnswer = sql_concat(kAnswerSelect, "WHERE a.id = $1");
// The accepted answer first, then the best voted, then the oldest.
inline constexpr auto kListAnswers = sql_concat(
    kAnswerSelect,
    "WHERE a.question_id = $1 ORDER BY CASE WHEN q.accepted_answer_id = a.id THEN 0 ELSE 1 END, "
    "a.vote_total DESC, a.id");

inline constexpr const char* kInsertAnswer =
    "INSERT INTO answers (id, question_id, author_id, body, vote_total, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, 0, $5, $5)";

// --- votes --------------------------------------------------------------------------------------

// Locking the target row first (an UPDATE that changes nothing) serialises the
// votes on one target on PostgreSQL, so the old value read next is the one the
// total holds; SQLite has one writer anyway. One pair per target type: the
// table and column names cannot be parameters.
inline constexpr const char* kLockQuestion =
    "UPDATE questions SET vote_total = vote_total WHERE id = $1";
inline constexpr const char* kLockAnswer =
    "UPDATE answers SET vote_total = vote_total WHERE id = $1";
inline constexpr const char* kAddToQuestionTotal =
    "UPDATE questions SET vote_total = vote_total + $2 WHERE id = $1";
inline constexpr const char* kAddToAnswerTotal =
    "UPDATE answers SET vote_total = vote_total + $2 WHERE id = $1";
inline constexpr const char* kQuestionTotal = "SELECT vote_total FROM questions WHERE id = $1";
inline constexpr const char* kAnswerTotal = "SELECT vote_total FROM answers WHERE id = $1";
// The course of an answer, through its question.
inline constexpr const char* kAnswerCourse =
    "SELECT q.course_id FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = $1";
inline constexpr const char* kQuestionCourse = "SELECT course_id FROM questions WHERE id = $1";

inline constexpr const char* kSelectVote =
    "SELECT value FROM votes WHERE user_id = $1 AND target_type = $2 "
    "AND (question_id = $3 OR answer_id = $3)";
inline constexpr const char* kInsertVote =
    "INSERT INTO votes (id, user_id, target_type, question_id, answer_id, value, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)";
inline constexpr const char* kUpdateVote =
    "UPDATE votes SET value = $4, updated_at = $5 WHERE user_id = $1 AND target_type = $2 "
    "AND (question_id = $3 OR answer_id = $3)";
inline constexpr const char* kDeleteVote =
    "DELETE FROM votes WHERE user_id = $1 AND target_type = $2 "
    "AND (question_id = $3 OR answer_id = $3)";

// --- discussion threads -------------------------------------------------------------------------

inline constexpr auto kThreadRow = row_mapping<DiscussionThread>({
    {"id", &DiscussionThread::id},
    {"course_id", &DiscussionThread::course_id},
    {"author_id", &DiscussionThread::author_id},
    {DL_DISPLAY_NAME(author_id), &DiscussionThread::author_name},
    {"title", &DiscussionThread::title},
    {"body", &DiscussionThread::body},
    {"post_count", &DiscussionThread::post_count},
    {"last_post_at", &DiscussionThread::last_post_at},
    {"created_at", &DiscussionThread::created_at},
});
inline constexpr auto kThreadSelect =
    sql_concat("SELECT ", column_list<kThreadRow>(), " FROM discussion_threads ");

inline constexpr auto kSelectThread = sql_concat(kThreadSelect, "WHERE id = $1");
inline constexpr auto kListThreads =
    sql_concat(kThreadSelect, "WHERE course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertThread =
    "INSERT INTO discussion_threads (id, course_id, author_id, title, body, post_count, "
    "last_post_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, NULL, $6, $6)";
inline constexpr const char* kCountPost =
    "UPDATE discussion_threads SET post_count = post_count + 1, last_post_at = $2, "
    "updated_at = $2 WHERE id = $1";
inline constexpr const char* kInsertPost =
    "INSERT INTO thread_posts (id, thread_id, author_id, body, created_at) "
    "VALUES ($1, $2, $3, $4, $5)";
inline constexpr auto kPostRow = row_mapping<ThreadPost>({
    {"id", &ThreadPost::id},
    {"thread_id", &ThreadPost::thread_id},
    {"author_id", &ThreadPost::author_id},
    {DL_DISPLAY_NAME(author_id), &ThreadPost::author_name},
    {"body", &ThreadPost::body},
    {"created_at", &ThreadPost::created_at},
});
inline constexpr auto kSelectPost =
    sql_concat("SELECT ", column_list<kPostRow>(), " FROM thread_posts WHERE id = $1");
// Oldest first: a conversation reads top down.
inline constexpr auto kListPosts = sql_concat("SELECT ", column_list<kPostRow>(),
                                              " FROM thread_posts WHERE thread_id = $1 "
                                              "AND " DL_KEYSET_ASC(id, 2, 3));

// --- community events and RSVPs -----------------------------------------------------------------

inline constexpr auto kEventRow = row_mapping<CommunityEvent>({
    {"e.id", &CommunityEvent::id},
    {"e.course_id", &CommunityEvent::course_id},
    {"e.organizer_id", &CommunityEvent::organizer_id},
    {DL_DISPLAY_NAME(e.organizer_id), &CommunityEvent::organizer_name},
    {"e.title", &CommunityEvent::title},
    {"e.description", &CommunityEvent::description},
    {"e.location", &CommunityEvent::location},
    {"e.capacity", &CommunityEvent::capacity},
    {"e.starts_at", &CommunityEvent::starts_at},
    {"e.ends_at", &CommunityEvent::ends_at},
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going')",
     &CommunityEvent::going},
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'waitlisted')",
     &CommunityEvent::waitlisted},
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'interested')",
     &CommunityEvent::interested},
    {"e.created_at", &CommunityEvent::created_at},
});
inline constexpr auto kEventSelect =
    sql_concat("SELECT ", column_list<kEventRow>(), " FROM community_events e ");

inline constexpr auto kSelectEvent = sql_concat(kEventSelect, "WHERE e.id = $1");
inline constexpr auto kListEvents =
    sql_concat(kEventSelect, "WHERE e.course_id = $1 AND " DL_KEYSET_DESC(e.id, 2, 3));

inline constexpr const char* kInsertEvent =
    "INSERT INTO community_events (id, course_id, organizer_id, title, description, location, "
    "capacity, starts_at, ends_at, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)";
// Taken first by every RSVP change of an event: serialises them on
// PostgreSQL, so seat counts and waitlist positions read next stay true.
inline constexpr const char* kLockEvent =
    "UPDATE community_events SET updated_at = updated_at WHERE id = $1";
inline constexpr const char* kEventCapacity =
    "SELECT capacity, title, course_id FROM community_events WHERE id = $1";
inline constexpr const char* kCountGoing =
    "SELECT count(*) FROM event_rsvps WHERE event_id = $1 AND status = 'going'";
inline constexpr const char* kLastWaitlistPosition =
    "SELECT COALESCE(MAX(waitlist_position), 0) FROM event_rsvps WHERE event_id = $1";

inline constexpr auto kRsvpRow = row_mapping<Rsvp>({
    {"id", &Rsvp::id},
    {"event_id", &Rsvp::event_id},
    {"user_id", &Rsvp::user_id},
    {"status", &Rsvp::status},
    {"waitlist_position", &Rsvp::waitlist_position},
    {"created_at", &Rsvp::created_at},
    {"updated_at", &Rsvp::updated_at},
});
inline constexpr auto kRsvpSelect =
    sql_concat("SELECT ", column_list<kRsvpRow>(), " FROM event_rsvps ");

inline constexpr auto kSelectRsvp = sql_concat(kRsvpSelect, "WHERE event_id = $1 AND user_id = $2");
inline constexpr auto kFirstWaitlisted =
    sql_concat(kRsvpSelect, "WHERE event_id = $1 AND waitlist_position = 1");

inline constexpr const char* kInsertRsvp =
    "INSERT INTO event_rsvps (id, event_id, user_id, status, waitlist_position, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)";
inline constexpr const char* kUpdateRsvp =
    "UPDATE event_rsvps SET status = $3, waitlist_position = $4, updated_at = $5 "
    "WHERE event_id = $1 AND user_id = $2";
inline constexpr const char* kDeleteRsvp =
    "DELETE FROM event_rsvps WHERE event_id = $1 AND user_id = $2";
// Closing the gap a position left, in two steps: a unique index is checked
// row by row, so the positions behind it pass through negative values that
// collide with none.
inline constexpr const char* kShiftWaitlistOut =
    "UPDATE event_rsvps SET waitlist_position = -(waitlist_position - 1) "
    "WHERE event_id = $1 AND waitlist_position > $2";
inline constexpr const char* kShiftWaitlistIn =
    "UPDATE event_rsvps SET waitlist_position = -waitlist_position "
    "WHERE event_id = $1 AND waitlist_position < 0";

// --- notifications ------------------------------------------------------------------------------

inline constexpr auto kNotificationRow = row_mapping<Notification>({
    {"id", &Notification::id},
    {"user_id", &Notification::user_id},
    {"kind", &Notification::kind},
    {"payload", &Notification::payload},
    {"read_at", &Notification::read_at},
    {"created_at", &Notification::created_at},
});
inline constexpr auto kNotificationSelect =
    sql_concat("SELECT ", column_list<kNotificationRow>(), " FROM notifications ");

inline constexpr auto kSelectNotification = sql_concat(kNotificationSelect, "WHERE id = $1");
// Unread first (group 0), then read (group 1); newest first within each.
// The position is the group and the id of the last row sent.
inline constexpr auto kListNotifications =
    sql_concat(kNotificationSelect,
               "WHERE user_id = $1 AND ($2 = '' OR "
               "(CASE WHEN read_at IS NULL THEN 0 ELSE 1 END) > $3 OR "
               "((CASE WHEN read_at IS NULL THEN 0 ELSE 1 END) = $3 AND CAST(id AS TEXT) < $2)) "
               "ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT $4");
// The user's notifications after a stream position, oldest first.
inline constexpr auto kNotificationsAfter = sql_concat(
    kNotificationSelect, "WHERE user_id = $1 AND CAST(id AS TEXT) > $2 ORDER BY id LIMIT $3");

inline constexpr const char* kMarkNotificationRead =
    "UPDATE notifications SET read_at = $2 WHERE id = $1 AND read_at IS NULL";
inline constexpr const char* kLatestNotificationOf =
    "SELECT COALESCE(MAX(CAST(id AS TEXT)), '') FROM notifications WHERE user_id = $1";
inline constexpr const char* kLatestNotification =
    "SELECT COALESCE(MAX(CAST(id AS TEXT)), '') FROM notifications";
// Who received notifications after a position (the polling wake; SQLite only,
// where ids are text and the primary key index serves the range).
inline constexpr const char* kRecipientsAfter =
    "SELECT id, user_id FROM notifications WHERE id > $1 "
    "ORDER BY id LIMIT 1000";

}  // namespace deltalabs::engagement::sql
