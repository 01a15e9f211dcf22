-- Rate limits counted in the database (issue 17), so that they hold however many server processes
-- share it: one row per limited route and client, its key a keyed hash of the two (never the
-- address itself), the hits in the window that began at its first hit and when that window ends.
-- A hit after the end starts a new window in the same row; rows whose window has ended are deleted
-- now and then (src/infrastructure/security/rate-limit-store.ts).
CREATE TABLE rate_limit_hits (
  key_hash       text PRIMARY KEY,
  hits           integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_window_ends_idx ON rate_limit_hits (window_ends_at);
