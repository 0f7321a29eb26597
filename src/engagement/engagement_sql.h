#pragma once

// Every SQL statement of the engagement domain. Derived counters kept here,
// each in the transaction that changes what it counts: questions.vote_total
// and answers.vote_total (sum of votes.value), questions.answer_count and
// discussion_threads.post_count. Lists page by id: ids are UUIDv7, so id
// order is creation order.

#include "engagement/model.h"
#include "storage/keyset.h"
#include "storage/row_mapping.h"
#include "storage/row_table.h"
#include "storage/sql_text.h"

// The display name of the user whose id is in `column` (identity's users,
// a declared read-only view): what people see beside a post.
#define DL_DISPLAY_NAME(column) \
  "(SELECT u.first_name || ' ' || u.last_name FROM users u WHERE u.id = " #column ")"

namespace deltalabs::engagement::sql {

// --- questions and answers ----------------------------------------------------------------------

inline constexpr auto kQuestionRow = row_mapping<Question>({
    DL_COLUMNS(Question, id, course_id, author_id),
    {DL_DISPLAY_NAME(author_id), &Question::author_name},
    DL_COLUMNS(Question, title, body, vote_total, answer_count, accepted_answer_id, created_at,
               updated_at),
});
inline constexpr RowTable<kQuestionRow, "questions"> kQuestionTable{"question"};

inline constexpr auto kListQuestions =
    kQuestionTable.where("course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertQuestion =
    "INSERT INTO questions (id, course_id, author_id, title, body, vote_total, answer_count, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, 0, $6, $6)";
inline constexpr const char* kCountAnswer =
    "UPDATE questions SET answer_count = answer_count + 1, updated_at = $2 WHERE id = $1";
inline constexpr const char* kAcceptAnswer =
    "UPDATE questions SET accepted_answer_id = $2, updated_at = $3 WHERE id = $1";

inline constexpr auto kAnswerRow = row_mapping<Answer>({
    DL_COLUMNS_OF(a, Answer, id, question_id, author_id),
    {DL_DISPLAY_NAME(a.author_id), &Answer::author_name},
    DL_COLUMNS_OF(a, Answer, body, vote_total),
    {"CASE WHEN q.accepted_answer_id = a.id THEN 1 ELSE 0 END", &Answer::accepted},
    DL_COLUMNS_OF(a, Answer, created_at, updated_at),
});
inline constexpr RowTable<kAnswerRow, "answers a JOIN questions q ON q.id = a.question_id", "a.id">
    kAnswerTable{"answer"};

// The accepted answer first, then the best voted, then the oldest.
inline constexpr auto kListAnswers = kAnswerTable.where(
    "a.question_id = $1 ORDER BY CASE WHEN q.accepted_answer_id = a.id THEN 0 ELSE 1 END, "
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
    DL_COLUMNS(DiscussionThread, id, course_id, author_id),
    {DL_DISPLAY_NAME(author_id), &DiscussionThread::author_name},
    DL_COLUMNS(DiscussionThread, title, body, post_count, last_post_at, created_at),
});
inline constexpr RowTable<kThreadRow, "discussion_threads"> kThreadTable{"thread"};

inline constexpr auto kListThreads =
    kThreadTable.where("course_id = $1 AND " DL_KEYSET_DESC(id, 2, 3));

inline constexpr const char* kInsertThread =
    "INSERT INTO discussion_threads (id, course_id, author_id, title, body, post_count, "
    "last_post_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 0, NULL, $6, $6)";
inline constexpr const char* kCountPost =
    "UPDATE discussion_threads SET post_count = post_count + 1, last_post_at = $2, "
    "updated_at = $2 WHERE id = $1";
inline constexpr auto kInsertPost =
    insert_into<"thread_posts", "id, thread_id, author_id, body, created_at">();
inline constexpr auto kPostRow = row_mapping<ThreadPost>({
    DL_COLUMNS(ThreadPost, id, thread_id, author_id),
    {DL_DISPLAY_NAME(author_id), &ThreadPost::author_name},
    DL_COLUMNS(ThreadPost, body, created_at),
});
inline constexpr RowTable<kPostRow, "thread_posts"> kPostTable{"post"};
// Oldest first: a conversation reads top down.
inline constexpr auto kListPosts = kPostTable.where("thread_id = $1 AND " DL_KEYSET_ASC(id, 2, 3));

// --- community events and RSVPs -----------------------------------------------------------------

inline constexpr auto kEventRow = row_mapping<CommunityEvent>({
    DL_COLUMNS_OF(e, CommunityEvent, id, course_id, organizer_id),
    {DL_DISPLAY_NAME(e.organizer_id), &CommunityEvent::organizer_name},
    DL_COLUMNS_OF(e, CommunityEvent, title, description, location, capacity, starts_at, ends_at),
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going')",
     &CommunityEvent::going},
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'waitlisted')",
     &CommunityEvent::waitlisted},
    {"(SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'interested')",
     &CommunityEvent::interested},
    DL_COLUMNS_OF(e, CommunityEvent, created_at),
});
inline constexpr RowTable<kEventRow, "community_events e", "e.id"> kEventTable{"event"};

inline constexpr auto kListEvents =
    kEventTable.where("e.course_id = $1 AND " DL_KEYSET_DESC(e.id, 2, 3));

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
    DL_COLUMNS(Rsvp, id, event_id, user_id, status, waitlist_position, created_at, updated_at),
});
inline constexpr RowTable<kRsvpRow, "event_rsvps"> kRsvpTable{"rsvp"};

inline constexpr auto kSelectRsvp = kRsvpTable.where("event_id = $1 AND user_id = $2");
inline constexpr auto kFirstWaitlisted =
    kRsvpTable.where("event_id = $1 AND waitlist_position = 1");

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
    DL_COLUMNS(Notification, id, user_id, kind, payload, read_at, created_at),
});
inline constexpr RowTable<kNotificationRow, "notifications"> kNotificationTable{"notification"};

// Unread first (group 0), then read (group 1); newest first within each.
// The position is the group and the id of the last row sent.
inline constexpr auto kListNotifications = kNotificationTable.where(
    "user_id = $1 AND ($2 = '' OR "
    "(CASE WHEN read_at IS NULL THEN 0 ELSE 1 END) > $3 OR "
    "((CASE WHEN read_at IS NULL THEN 0 ELSE 1 END) = $3 AND CAST(id AS TEXT) < $2)) "
    "ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT $4");
// The user's notifications after a stream position, oldest first.
inline constexpr auto kNotificationsAfter =
    kNotificationTable.where("user_id = $1 AND CAST(id AS TEXT) > $2 ORDER BY id LIMIT $3");

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
