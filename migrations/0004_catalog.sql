-- Catalog and content: instructors, categories and levels, courses and who
-- teaches them, ordered sections with typed content items, supplements,
-- purchasable or rentable resources, and super-courses built from sections
-- of several courses. Full-text search lives in the dialect files.

-- An instructor is a user's teaching profile: one per user.
CREATE TABLE instructors (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  headline TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE course_categories (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE course_levels (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL
);

-- A course: draft -> published -> archived. enrollment_count is kept by the
-- learning domain and sorts the catalog by popularity.
CREATE TABLE courses (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  subtitle TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  category_id UUID NOT NULL REFERENCES course_categories (id) ON DELETE RESTRICT,
  level_id UUID NOT NULL REFERENCES course_levels (id) ON DELETE RESTRICT,
  language TEXT NOT NULL DEFAULT 'en',
  price_amount_minor BIGINT NOT NULL DEFAULT 0 CHECK (price_amount_minor >= 0),
  price_currency TEXT NOT NULL DEFAULT 'USD' CHECK (length(price_currency) = 3 AND price_currency = upper(price_currency)),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  max_students INTEGER CHECK (max_students IS NULL OR max_students > 0),
  enrollment_count INTEGER NOT NULL DEFAULT 0 CHECK (enrollment_count >= 0),
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  published_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX courses_category_idx ON courses (category_id);
CREATE INDEX courses_level_idx ON courses (level_id);
CREATE INDEX courses_created_by_idx ON courses (created_by);
CREATE INDEX courses_status_price_idx ON courses (status, price_amount_minor, id);
CREATE INDEX courses_status_popular_idx ON courses (status, enrollment_count, id);

CREATE TABLE course_instructors (
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  instructor_id UUID NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
  added_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (course_id, instructor_id)
);
CREATE INDEX course_instructors_instructor_idx ON course_instructors (instructor_id);

CREATE TABLE course_sections (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (course_id, position)
);

CREATE TABLE content_items (
  id UUID PRIMARY KEY,
  section_id UUID NOT NULL REFERENCES course_sections (id) ON DELETE CASCADE,
  item_type TEXT NOT NULL CHECK (item_type IN ('video', 'text', 'file', 'link', 'exercise_ref')),
  title TEXT NOT NULL,
  body JSONB NOT NULL,
  is_required BOOLEAN NOT NULL DEFAULT TRUE,
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (section_id, position)
);

CREATE TABLE supplement_resources (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('book', 'doc', 'slides', 'video_link', 'generated')),
  title TEXT NOT NULL,
  url TEXT,
  body JSONB NOT NULL,
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX supplement_resources_course_idx ON supplement_resources (course_id);

CREATE TABLE resources (
  id UUID PRIMARY KEY,
  course_id UUID NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL CHECK (mode IN ('purchase', 'rent')),
  price_amount_minor BIGINT NOT NULL CHECK (price_amount_minor >= 0),
  price_currency TEXT NOT NULL CHECK (length(price_currency) = 3 AND price_currency = upper(price_currency)),
  stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX resources_course_idx ON resources (course_id);

CREATE TABLE super_courses (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  created_by UUID REFERENCES users (id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Removing a course section removes it from every super-course that used it.
CREATE TABLE super_course_sections (
  id UUID PRIMARY KEY,
  super_course_id UUID NOT NULL REFERENCES super_courses (id) ON DELETE CASCADE,
  section_id UUID NOT NULL REFERENCES course_sections (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (super_course_id, position),
  UNIQUE (super_course_id, section_id)
);
CREATE INDEX super_course_sections_section_idx ON super_course_sections (section_id);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('instructors', 'Catalog', 'A user''s teaching profile (headline, bio); one per user.'),
  ('course_categories', 'Catalog', 'Subject areas of the catalog; slug unique.'),
  ('course_levels', 'Catalog', 'Difficulty levels (beginner, intermediate, ...); slug unique.'),
  ('courses', 'Catalog', 'A course: draft, published or archived; price in minor units; full-text searchable; enrollment_count kept by Learning.'),
  ('course_instructors', 'Catalog', 'Who teaches a course; its instructors may edit it.'),
  ('course_sections', 'Content', 'Ordered sections of a course; one section per position.'),
  ('content_items', 'Content', 'Typed blocks of a section (video, text, file, link, exercise_ref) with a JSON body; ordered.'),
  ('supplement_resources', 'Content', 'Books, docs, slides, video links and generated material attached to a course.'),
  ('resources', 'Content', 'Purchasable or rentable resources of a course, with price and stock.'),
  ('super_courses', 'Content', 'A course composed of sections taken from several courses.'),
  ('super_course_sections', 'Content', 'The ordered sections a super-course is made of.');

-- Catalog permissions. Teaching roles create courses (and then edit those they
-- teach through course_instructors); admins hold every catalog permission.
INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0402-7000-8000-000000000001', 'courses:create', 'Create courses', 'courses', 'create', 'Allows creating courses.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0402-7000-8000-000000000002', 'courses:update', 'Update courses', 'courses', 'update', 'Allows editing any course and seeing drafts.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0402-7000-8000-000000000003', 'courses:delete', 'Delete courses', 'courses', 'delete', 'Allows archiving any course.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0402-7000-8000-000000000004', 'courses:publish', 'Publish courses', 'courses', 'publish', 'Allows publishing any course.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0402-7000-8000-000000000005', 'catalog:manage', 'Manage catalog', 'catalog', 'manage', 'Allows managing categories, levels and instructor profiles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin')
  AND p.slug IN ('courses:create', 'courses:update', 'courses:delete', 'courses:publish', 'catalog:manage');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('instructor', 'professor', 'teacher', 'content_creator')
  AND p.slug IN ('courses:create');
