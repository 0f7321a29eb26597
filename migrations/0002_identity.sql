-- Identity: accounts, sessions and tokens, data-driven roles and permissions,
-- organizations and memberships, the audit log and the mail outbox.

CREATE TABLE users (
  id UUID PRIMARY KEY,
  email TEXT NOT NULL,
  username TEXT,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleted')),
  email_verified BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
-- Emails and usernames are unique whatever their case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE user_preferences (
  user_id UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  theme TEXT NOT NULL DEFAULT 'system' CHECK (theme IN ('light', 'dark', 'system')),
  language TEXT NOT NULL DEFAULT 'en',
  notifications JSONB NOT NULL,
  privacy JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE roles (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_system BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE permissions (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  resource TEXT NOT NULL,
  action TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (slug = resource || ':' || action)
);

CREATE TABLE role_permissions (
  role_id UUID NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission_id UUID NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
  granted_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (role_id, permission_id)
);
CREATE INDEX role_permissions_permission_idx ON role_permissions (permission_id);

CREATE TABLE user_roles (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id UUID NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  granted_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, role_id)
);
CREATE INDEX user_roles_role_idx ON user_roles (role_id);

-- A session is one sign-in: the family of refresh tokens rotated from it.
CREATE TABLE sessions (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  user_agent TEXT NOT NULL DEFAULT '',
  ip_address TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  revoked_reason TEXT
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE refresh_tokens (
  id UUID PRIMARY KEY,
  session_id UUID NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ,
  replaced_by UUID REFERENCES refresh_tokens (id) ON DELETE SET NULL
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE oauth_accounts (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  provider_user_id TEXT NOT NULL,
  email TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (provider, provider_user_id)
);
CREATE INDEX oauth_accounts_user_idx ON oauth_accounts (user_id);

-- Email verification and password reset tokens: stored hashed, single use, expiring.
CREATE TABLE one_time_tokens (
  id UUID PRIMARY KEY,
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);
CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id);

CREATE TABLE organization_types (
  id UUID PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE organizations (
  id UUID PRIMARY KEY,
  type_id UUID NOT NULL REFERENCES organization_types (id) ON DELETE RESTRICT,
  parent_id UUID REFERENCES organizations (id) ON DELETE RESTRICT,
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  settings JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organizations_type_idx ON organizations (type_id);
CREATE INDEX organizations_parent_idx ON organizations (parent_id);

-- Membership: once per user and organization, with an optional role that
-- grants its permissions inside that organization's resources.
CREATE TABLE user_organizations (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  role_id UUID REFERENCES roles (id) ON DELETE SET NULL,
  joined_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (user_id, organization_id)
);
CREATE INDEX user_organizations_organization_idx ON user_organizations (organization_id);

CREATE TABLE audit_log (
  id UUID PRIMARY KEY,
  actor_user_id UUID REFERENCES users (id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT '',
  details JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

CREATE TABLE mail_outbox (
  id UUID PRIMARY KEY,
  user_id UUID REFERENCES users (id) ON DELETE SET NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL,
  last_error TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  sent_at TIMESTAMPTZ
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (status, next_attempt_at);

INSERT INTO schema_annotations (table_name, domain, note) VALUES
  ('users', 'Identity', 'An account; email and username unique whatever their case; deactivation sets status deleted.'),
  ('user_preferences', 'Identity', 'Theme, language, notification and privacy settings; one row per user.'),
  ('roles', 'Identity', 'Data-driven roles; system roles are seeded and cannot be deleted.'),
  ('permissions', 'Identity', 'Permission slugs resource:action that routes and services check.'),
  ('role_permissions', 'Identity', 'Which permissions each role grants.'),
  ('user_roles', 'Identity', 'The global roles of a user.'),
  ('sessions', 'Identity', 'One sign-in: the family of refresh tokens rotated from it.'),
  ('refresh_tokens', 'Identity', 'Opaque refresh tokens stored hashed; rotated on use; reuse revokes the family.'),
  ('oauth_accounts', 'Identity', 'External sign-in identities linked to a user.'),
  ('one_time_tokens', 'Identity', 'Hashed single-use tokens for email verification and password reset.'),
  ('organization_types', 'Identity', 'Kinds of organization (school, company, lab network, ...).'),
  ('organizations', 'Identity', 'Organizations in a tree (parent_id, no cycles) with JSON settings.'),
  ('user_organizations', 'Identity', 'Membership, once per user and organization, with an optional role scoped to it.'),
  ('audit_log', 'AI / operational', 'Who did what to which target: auth events, role, permission, membership and status changes.'),
  ('mail_outbox', 'AI / operational', 'Mail written in the same transaction as its cause; a sender delivers it over SMTP with retries.');

-- Seed: the thirteen roles of api.md and the identity permissions.
-- Fixed ids keep seeds identical on every database; later domains add their
-- permissions and grants in their own migrations.
INSERT INTO roles (id, slug, name, description, is_system, created_at, updated_at) VALUES
  ('01900000-0001-7000-8000-000000000001', 'student', 'Student', 'Learns in courses; the role every registration gets.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000002', 'parent', 'Parent', 'Follows the learning of a child account.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000003', 'teacher', 'Teacher', 'Teaches classes inside an organization.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000004', 'normal_user', 'Normal user', 'A platform user without a learning role.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000005', 'lab_assistant', 'Lab assistant', 'Runs lab bookings for the labs of an organization.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000006', 'coach', 'Coach', 'Guides learners one to one.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000007', 'professor', 'Professor', 'Leads university courses inside an organization.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000008', 'content_creator', 'Content creator', 'Authors course content and drafts.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-000000000009', 'tutor', 'Tutor', 'Helps learners with questions and exercises.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-00000000000a', 'instructor', 'Instructor', 'Creates and teaches courses.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-00000000000b', 'ta', 'Teaching assistant', 'Assists instructors with grading and Q&A.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-00000000000c', 'admin', 'Admin', 'Administers users, roles and organizations.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0001-7000-8000-00000000000d', 'super_admin', 'Super admin', 'Holds every permission, including role and permission management.', TRUE, '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z');

INSERT INTO permissions (id, slug, name, resource, action, description, created_at, updated_at) VALUES
  ('01900000-0002-7000-8000-000000000001', 'users:list', 'List users', 'users', 'list', 'Allows list on users.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000002', 'users:read', 'Read users', 'users', 'read', 'Allows read on users.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000003', 'users:update', 'Update users', 'users', 'update', 'Allows update on users.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000004', 'users:delete', 'Delete users', 'users', 'delete', 'Allows delete on users.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000005', 'roles:list', 'List roles', 'roles', 'list', 'Allows list on roles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000006', 'roles:create', 'Create roles', 'roles', 'create', 'Allows create on roles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000007', 'roles:read', 'Read roles', 'roles', 'read', 'Allows read on roles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000008', 'roles:update', 'Update roles', 'roles', 'update', 'Allows update on roles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000009', 'roles:delete', 'Delete roles', 'roles', 'delete', 'Allows delete on roles.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000a', 'permissions:list', 'List permissions', 'permissions', 'list', 'Allows list on permissions.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000b', 'permissions:create', 'Create permissions', 'permissions', 'create', 'Allows create on permissions.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000c', 'permissions:read', 'Read permissions', 'permissions', 'read', 'Allows read on permissions.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000d', 'permissions:update', 'Update permissions', 'permissions', 'update', 'Allows update on permissions.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000e', 'permissions:delete', 'Delete permissions', 'permissions', 'delete', 'Allows delete on permissions.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-00000000000f', 'organization_types:list', 'List organization types', 'organization_types', 'list', 'Allows list on organization types.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000010', 'organization_types:create', 'Create organization types', 'organization_types', 'create', 'Allows create on organization types.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000011', 'organization_types:read', 'Read organization types', 'organization_types', 'read', 'Allows read on organization types.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000012', 'organization_types:update', 'Update organization types', 'organization_types', 'update', 'Allows update on organization types.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000013', 'organization_types:delete', 'Delete organization types', 'organization_types', 'delete', 'Allows delete on organization types.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000014', 'organizations:list', 'List organizations', 'organizations', 'list', 'Allows list on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000015', 'organizations:create', 'Create organizations', 'organizations', 'create', 'Allows create on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000016', 'organizations:read', 'Read organizations', 'organizations', 'read', 'Allows read on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000017', 'organizations:update', 'Update organizations', 'organizations', 'update', 'Allows update on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000018', 'organizations:delete', 'Delete organizations', 'organizations', 'delete', 'Allows delete on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z'),
  ('01900000-0002-7000-8000-000000000019', 'organizations:members', 'Members organizations', 'organizations', 'members', 'Allows members on organizations.', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00.000Z');

-- super_admin and admin hold every identity permission; everyone may look up organizations.
INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('super_admin', 'admin');

INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug NOT IN ('super_admin', 'admin')
  AND p.slug IN ('organizations:list', 'organizations:read', 'organization_types:list', 'organization_types:read');

-- Teaching roles see the people they teach.
INSERT INTO role_permissions (role_id, permission_id, granted_at)
SELECT r.id, p.id, '2026-11-24T00:00:00.000Z' FROM roles r CROSS JOIN permissions p
WHERE r.slug IN ('teacher', 'professor', 'instructor', 'ta', 'tutor', 'coach', 'lab_assistant')
  AND p.slug IN ('users:read');
