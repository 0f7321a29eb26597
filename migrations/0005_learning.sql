-- Learning: who is enrolled in which course and how far they got, the
-- learning path (roadmap) of a course, wishlists and the activity feed.

-- One enrollment per user and course. A cancelled enrollment keeps its row
-- (and its progress) and becomes active again when the user re-enrolls.
-- Student enrollments that are not cancelled hold one seat each, counted in
-- courses.enrollment_count and capped by courses.max_students.
CREATE TABLE enrollments (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  member_role TEXT NOT NULL DEFAULT 'student' CHECK (member_role IN ('student', 'ta', 'instructor')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'cancelled')),
  source TEXT NOT NULL CHECK (source IN ('free', 'order', 'sponsorship', 'admin')),
  super_course_id UUID REFERENCES super_courses (id) ON DELETE SET NULL,
  enrolled_at TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  cancelled_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (user_id, course_id)
);
CREATE INDEX enrollments_course_idx ON enrollments (course_id, status, enrolled_at, id);
CREATE INDEX enrollments_user_recent_idx ON enrollments (user_id, enrolled_at, id);
CREATE INDEX enrollments_super_course_idx ON enrollments (super_course_id);

-- A learner's state on one content item; percent complete is derived from
-- these rows and the course's required items, never stored.
CREATE TABLE enrollment_progress (
  id UUID PRIMARY KEY,
  enrollment_id UUID NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  content_item_id UUID NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
  started_at TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (enrollment_id, content_item_id)
);
CREATE INDEX enrollment_progress_item_idx ON enrollment_progress (content_item_id);

-- The learning path of a course: ordered milestones, each optionally tied
-- to a section of the course.
CREATE TABLE roadmap_sections (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  section_id UUID REFERENCES course_sections (id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_required BOOLEAN NOT NULL DEFAULT TRUE,
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (course_id, position)
);
CREATE INDEX roadmap_sections_section_idx ON roadmap_sections (section_id);

CREATE TABLE roadmap_progress (
  id UUID PRIMARY KEY,
  enrollment_id UUID NOT NULL REFERENCES enrollments (id) ON DELETE CASCADE,
  roadmap_section_id UUID NOT NULL REFERENCES roadmap_sections (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('started', 'completed')),
  started_at TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (enrollment_id, roadmap_section_id)
);
CREATE INDEX roadmap_progress_section_idx ON roadmap_progress (roadmap_section_id);

CREATE TABLE wishlist_items (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  added_at TIMESTAMPTZ NOT NULL,
  UNIQUE (user_id, course_id)
);
CREATE INDEX wishlist_items_course_idx ON wishlist_items (course_id);
CREATE INDEX wishlist_items_user_recent_idx ON wishlist_items (user_id, added_at, id);

-- What a user did, newest first in their feed. Ids are UUIDv7, so they sort
-- by creation time; `data` holds the event's own fields.
CREATE TABLE activity_events (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  course_id UUID REFERENCES courses (id) ON DELETE SET NULL,
  subject_id UUID,
  data JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX activity_events_user_recent_idx ON activity_events (user_id, created_at, id);
CREATE INDEX activity_events_course_idx ON activity_events (course_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('enrollments', 'Learning', 'A user''s membership of a course (student, ta, instructor); one per user and course; active student enrollments hold the course''s seats.'),
  ('enrollment_progress', 'Learning', 'A learner''s state on one content item; percent complete is derived from it, never stored.'),
  ('roadmap_sections', 'Learning', 'Ordered milestones of a course''s learning path, optionally tied to a course section.'),
  ('roadmap_progress', 'Learning', 'A learner''s state on one roadmap milestone.'),
  ('wishlist_items', 'Learning', 'Courses a user saved for later; one row per user and course.'),
  ('activity_events', 'AI / operational', 'What a user did (enrolled, progressed, completed, wished), newest first in their feed.');

-- Enrolling other people, cancelling their enrollments and seeing the members
-- of any course is for administrators; learners manage their own.
INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0403-7000-8000-000000000001', 'enrollments:manage', 'Manage enrollments', 'enrollments', 'manage', 'Allows enrolling other users, cancelling any enrollment and listing the members of any course.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin') AND p.slug = 'enrollments:manage';
