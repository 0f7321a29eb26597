-- Engagement: course Q&A with votes and accepted answers, discussion
-- threads, community events with RSVPs and a waitlist. Everything belongs to
-- a course and goes with it (ON DELETE CASCADE); what a user wrote goes with
-- their account, except that deleting an account never deletes a question's
-- answers written by others.

-- A question asked in a course. vote_total is the sum of votes.value on it,
-- kept in the transaction that changes a vote (deltalabs check audits it).
-- accepted_answer_id is added below, once answers exist.
CREATE TABLE questions (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL,
  vote_total INTEGER NOT NULL DEFAULT 0,
  answer_count INTEGER NOT NULL DEFAULT 0 CHECK (answer_count >= 0),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX questions_course_idx ON questions (course_id, id);
CREATE INDEX questions_author_idx ON questions (author_id);

CREATE TABLE answers (
  id UUID PRIMARY KEY,
  question_id UUID NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  vote_total INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX answers_question_idx ON answers (question_id, id);
CREATE INDEX answers_author_idx ON answers (author_id);

-- Added after answers so both dialects can declare the reference; losing the
-- accepted answer leaves the question open again rather than deleting it.
ALTER TABLE questions ADD COLUMN accepted_answer_id UUID REFERENCES answers (id) ON DELETE SET NULL;
CREATE INDEX questions_accepted_answer_idx ON questions (accepted_answer_id);

-- One vote per user and target. A polymorphic target id could carry no
-- foreign key, so the target is one of two referencing columns, exactly the
-- one target_type names; a vote goes with its target.
CREATE TABLE votes (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  target_type TEXT NOT NULL CHECK (target_type IN ('question', 'answer')),
  question_id UUID REFERENCES questions (id) ON DELETE CASCADE,
  answer_id UUID REFERENCES answers (id) ON DELETE CASCADE,
  value INTEGER NOT NULL CHECK (value IN (1, -1)),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK ((target_type = 'question' AND question_id IS NOT NULL AND answer_id IS NULL)
      OR (target_type = 'answer' AND answer_id IS NOT NULL AND question_id IS NULL))
);
CREATE UNIQUE INDEX votes_user_question_key ON votes (user_id, question_id) WHERE question_id IS NOT NULL;
CREATE UNIQUE INDEX votes_user_answer_key ON votes (user_id, answer_id) WHERE answer_id IS NOT NULL;
CREATE INDEX votes_question_idx ON votes (question_id);
CREATE INDEX votes_answer_idx ON votes (answer_id);

-- Free discussion in a course; post_count and last_post_at order the list.
CREATE TABLE discussion_threads (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body TEXT NOT NULL,
  post_count INTEGER NOT NULL DEFAULT 0 CHECK (post_count >= 0),
  last_post_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX discussion_threads_course_idx ON discussion_threads (course_id, id);
CREATE INDEX discussion_threads_author_idx ON discussion_threads (author_id);

CREATE TABLE thread_posts (
  id UUID PRIMARY KEY,
  thread_id UUID NOT NULL REFERENCES discussion_threads (id) ON DELETE CASCADE,
  author_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX thread_posts_thread_idx ON thread_posts (thread_id, id);
CREATE INDEX thread_posts_author_idx ON thread_posts (author_id);

-- A meetup of a course's community with a number of seats. The organizer's
-- account cannot be deleted while their events exist (RESTRICT): attendees
-- would lose an event without notice.
CREATE TABLE community_events (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  organizer_id UUID NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  starts_at TIMESTAMPTZ NOT NULL,
  ends_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (ends_at IS NULL OR ends_at > starts_at)
);
CREATE INDEX community_events_course_idx ON community_events (course_id, starts_at, id);
CREATE INDEX community_events_organizer_idx ON community_events (organizer_id);

-- One RSVP per user and event. At most capacity of them are going; a "going"
-- beyond that waits with a position (1 = next in line); the positions of an
-- event are distinct and dense 1..n (deltalabs check audits the density).
CREATE TABLE event_rsvps (
  id UUID PRIMARY KEY,
  event_id UUID NOT NULL REFERENCES community_events (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('going', 'interested', 'waitlisted')),
  waitlist_position INTEGER,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (event_id, user_id),
  CHECK ((status = 'waitlisted' AND waitlist_position IS NOT NULL)
      OR (status <> 'waitlisted' AND waitlist_position IS NULL))
);
CREATE UNIQUE INDEX event_rsvps_waitlist_key ON event_rsvps (event_id, waitlist_position)
  WHERE waitlist_position IS NOT NULL;
CREATE INDEX event_rsvps_event_status_idx ON event_rsvps (event_id, status);
CREATE INDEX event_rsvps_user_idx ON event_rsvps (user_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('questions', 'Engagement', 'A question asked in a course''s Q&A (members only); vote_total is the sum of its votes; accepted_answer_id is one of its answers, chosen by the asker or an instructor.'),
  ('answers', 'Engagement', 'An answer to a question; vote_total is the sum of its votes; its question''s asker is notified.'),
  ('votes', 'Engagement', 'One vote (+1 or -1) per user and question or answer; exactly the column target_type names is set.'),
  ('discussion_threads', 'Engagement', 'A discussion thread of a course''s community; post_count counts its posts.'),
  ('thread_posts', 'Engagement', 'A reply in a discussion thread.'),
  ('community_events', 'Engagement', 'A community event of a course with a number of seats (capacity).'),
  ('event_rsvps', 'Engagement', 'A user''s RSVP to an event: going (holds a seat), interested, or waitlisted with a dense position 1..n; one per user and event.');
