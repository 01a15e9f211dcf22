-- Forms kept when they arrive after their session ended, or with an expired form token (issue 14,
-- "Nothing typed is ever lost"). A row is found only through a random id held in the browser's
-- cookie: it is stored under the SHA-256 of that id, never the id, as sessions are. It belongs to the
-- one user who typed it, is given back to that user once and only on the page it came from, and is
-- deleted when it is given back, when another user signs in on that browser, or two hours after it
-- was kept (the hourly purge). Not a change to any case: no profile version, nothing shared.
CREATE TABLE kept_forms (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- The page the form was posted to, without its query: where it is given back.
  path text NOT NULL,
  -- { field: "typed" | ["typed", ...] }: no password, no form token, no file.
  fields jsonb NOT NULL,
  -- 'signed-out' (the session had ended) or 'form-expired' (the form's token had).
  reason text NOT NULL CHECK (reason IN ('signed-out', 'form-expired')),
  kept_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX kept_forms_expires_at ON kept_forms (expires_at);
CREATE INDEX kept_forms_user_id ON kept_forms (user_id);
