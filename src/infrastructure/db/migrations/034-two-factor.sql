-- Two-factor sign-in for local accounts (issue 17): an authenticator app's TOTP secret (RFC 6238)
-- and single-use recovery codes. The secret is stored encrypted (AES-256-GCM under a key derived from
-- the audit key, kept outside the database: infrastructure/security/secret-box.ts), never in clear.
-- A secret being set up waits in pending_secret until a code from the app confirms it. The last
-- time step a code was accepted for is kept, so that a code is never accepted twice.
CREATE TABLE user_two_factor (
  user_id text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- Null until the first set-up is confirmed.
  secret text,
  confirmed_at timestamptz,
  -- unix time / 30 s: fits an integer for nineteen centuries.
  last_used_step integer,
  pending_secret text,
  pending_since timestamptz,
  CHECK ((secret IS NULL) = (confirmed_at IS NULL))
);

-- Recovery codes: shown once, stored as the SHA-256 of a random salt and the code (they are random,
-- about 50 bits each, so a slow hash adds nothing); each is used once. A new set replaces the old.
CREATE TABLE user_recovery_codes (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  salt text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX user_recovery_codes_user_id ON user_recovery_codes (user_id);
