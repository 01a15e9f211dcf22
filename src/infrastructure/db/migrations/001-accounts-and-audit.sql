-- Organisations, practitioners, sessions, API tokens and the append-only audit trail.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE organisations (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  kind       text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE users (
  id                 text PRIMARY KEY,
  organisation_id    text NOT NULL REFERENCES organisations (id),
  email              citext NOT NULL UNIQUE,
  name               text NOT NULL,
  role               text NOT NULL CHECK (role IN ('practitioner', 'safeguarding-lead', 'manager', 'admin')),
  password_hash      text,
  failed_sign_ins    integer NOT NULL DEFAULT 0,
  locked_until       timestamptz,
  disabled_at        timestamptz,
  created_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 1
);
CREATE INDEX users_organisation_idx ON users (organisation_id);

CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      text REFERENCES users (id) ON DELETE CASCADE,
  data         jsonb NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Append-only: each entry's hash covers its own fields and the previous entry's hash.
CREATE TABLE audit_log (
  seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id                    text NOT NULL UNIQUE,
  occurred_at           timestamptz NOT NULL,
  actor_user_id         text,
  actor_organisation_id text,
  channel               text NOT NULL CHECK (channel IN ('web', 'api', 'cli', 'system')),
  action                text NOT NULL,
  outcome               text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  subject_type          text,
  subject_id            text,
  case_id               text,
  ip                    text,
  details               jsonb NOT NULL,
  prev_hash             text NOT NULL,
  hash                  text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);

-- The guard refuses edits and deletions. It writes nothing: the use cases write the audit entries.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
