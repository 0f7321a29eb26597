-- Assessment: exercises and their questions, learners' submissions, the
-- grade book (one grade item per learner and exercise, one course grade per
-- enrollment), the history of every grade change and appeals against grades.
-- Scores are points (DOUBLE PRECISION: manual grading may give halves); the
-- course grade is a percentage, 0..100.

-- An exercise of a course, optionally tied to one of its sections. Learners
-- see it once published; attempts_allowed caps their submissions and due_at
-- (if any) closes it and opens its answer keys to them.
CREATE TABLE exercises (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  section_id UUID REFERENCES course_sections (id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  attempts_allowed INTEGER NOT NULL DEFAULT 1 CHECK (attempts_allowed BETWEEN 1 AND 100),
  due_at TIMESTAMPTZ,
  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 1000),
  published BOOLEAN NOT NULL DEFAULT FALSE,
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX exercises_course_idx ON exercises (course_id, id);
CREATE INDEX exercises_section_idx ON exercises (section_id);
CREATE INDEX exercises_created_by_idx ON exercises (created_by);

-- One question of an exercise, in order. `options` is a JSON array of the
-- choices (choice types only); `answer_key` holds what is correct and never
-- leaves the server except to the course's graders (and to a learner about
-- their own submission once the exercise is due).
CREATE TABLE exercise_questions (
  id UUID PRIMARY KEY,
  exercise_id UUID NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  type TEXT NOT NULL CHECK (type IN ('single_choice', 'multiple_choice', 'numeric', 'short_text', 'free_text')),
  prompt TEXT NOT NULL,
  options JSONB NOT NULL,
  answer_key JSONB NOT NULL,
  tolerance DOUBLE PRECISION CHECK (tolerance >= 0),
  points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 1000),
  UNIQUE (exercise_id, position)
);

-- One attempt of a learner at an exercise. Attempts are numbered 1, 2, ...
-- per learner and exercise without gaps. `answers` is a JSON array of
-- {question_id, selected, number, text, points}; points are null while a
-- free-text answer waits for a grader (status submitted).
CREATE TABLE submissions (
  id UUID PRIMARY KEY,
  exercise_id UUID NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  answers JSONB NOT NULL,
  auto_score DOUBLE PRECISION NOT NULL CHECK (auto_score >= 0),
  score DOUBLE PRECISION NOT NULL,
  max_score DOUBLE PRECISION NOT NULL CHECK (max_score > 0),
  status TEXT NOT NULL CHECK (status IN ('submitted', 'graded')),
  feedback TEXT,
  submitted_at TIMESTAMPTZ NOT NULL,
  graded_at TIMESTAMPTZ,
  graded_by UUID REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (user_id, exercise_id, attempt),
  CHECK (score >= 0 AND score <= max_score),
  CHECK (status = 'submitted' OR graded_at IS NOT NULL)
);
CREATE INDEX submissions_exercise_idx ON submissions (exercise_id, id);
CREATE INDEX submissions_graded_by_idx ON submissions (graded_by);

-- A learner's course grade: the weighted mean (exercise weights) of their
-- grade items as a percentage, kept in the transaction of every grade
-- change. scored_at is when the score last changed (ranking ties).
CREATE TABLE grades (
  id UUID PRIMARY KEY,
  enrollment_id UUID NOT NULL UNIQUE REFERENCES enrollments (id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL CHECK (score >= 0 AND score <= 100),
  scored_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- A learner's score on one exercise: their best graded submission, unless a
-- grader overrode it (then it stays until the next override or appeal).
CREATE TABLE grade_items (
  id UUID PRIMARY KEY,
  enrollment_id UUID NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  exercise_id UUID NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  submission_id UUID REFERENCES submissions (id) ON DELETE SET NULL,
  score DOUBLE PRECISION NOT NULL,
  max_score DOUBLE PRECISION NOT NULL CHECK (max_score > 0),
  overridden BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (enrollment_id, exercise_id),
  CHECK (score >= 0 AND score <= max_score)
);
CREATE INDEX grade_items_exercise_idx ON grade_items (exercise_id);
CREATE INDEX grade_items_submission_idx ON grade_items (submission_id);

-- Append-only: every change of a grade item, with who made it (the learner
-- for their own submission, the grader otherwise), why and through what.
CREATE TABLE grade_history (
  id UUID PRIMARY KEY,
  grade_item_id UUID NOT NULL REFERENCES grade_items (id) ON DELETE CASCADE,
  old_score DOUBLE PRECISION,
  new_score DOUBLE PRECISION NOT NULL,
  changed_by UUID REFERENCES users (id) ON DELETE SET NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('submission', 'grading', 'override', 'appeal')),
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX grade_history_item_idx ON grade_history (grade_item_id, created_at, id);
CREATE INDEX grade_history_changed_by_idx ON grade_history (changed_by);

-- A learner's appeal against a grade item; at most one open per item.
CREATE TABLE appeals (
  id UUID PRIMARY KEY,
  grade_item_id UUID NOT NULL REFERENCES grade_items (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  new_score DOUBLE PRECISION,
  resolved_by UUID REFERENCES users (id) ON DELETE SET NULL,
  resolution_note TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  resolved_at TIMESTAMPTZ,
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK (status <> 'accepted' OR new_score IS NOT NULL)
);
CREATE UNIQUE INDEX appeals_one_open_idx ON appeals (grade_item_id) WHERE status = 'open';
CREATE INDEX appeals_item_idx ON appeals (grade_item_id, id);
CREATE INDEX appeals_user_idx ON appeals (user_id);
CREATE INDEX appeals_resolved_by_idx ON appeals (resolved_by);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('exercises', 'Assessment', 'An exercise of a course: attempts allowed, due date, weight in the course score; learners see it once published.'),
  ('exercise_questions', 'Assessment', 'Ordered questions of an exercise (single/multiple choice, numeric with tolerance, short text, free text); the answer key stays on the server.'),
  ('submissions', 'Assessment', 'One attempt of a learner at an exercise, numbered per learner and exercise; objective answers scored at once, free text when a grader grades it.'),
  ('grades', 'Assessment', 'A learner''s course score (one per enrollment): the weighted mean of their grade items, recomputed with every grade change.'),
  ('grade_items', 'Assessment', 'A learner''s score on one exercise: the best graded submission, or a grader''s override.'),
  ('grade_history', 'Assessment', 'Append-only record of every grade item change: old and new score, who, why and through what (submission, grading, override, appeal).'),
  ('appeals', 'Assessment', 'A learner''s appeal against a grade item; at most one open per item; accepted (with a new score) or rejected by a grader.');

-- Seeing and changing the grades of any course is for administrators; a
-- course's own instructors and teaching assistants grade it without it.
INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0409-7000-8000-000000000001', 'grades:manage', 'Manage grades', 'grades', 'manage', 'Allows seeing, grading and overriding the grades of any course and resolving its appeals.', '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-12-02T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin') AND p.slug = 'grades:manage';
