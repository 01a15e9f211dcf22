-- Sign-in failures are counted per account (by email, known or not) and client address, not per
-- account alone: an attacker who fails five times from their address is kept out of that account
-- from there, while its owner signing in from elsewhere is not; and an unknown email is throttled
-- exactly like a real one, so the answers do not tell whether an account exists.
CREATE TABLE sign_in_throttle (
  email         citext NOT NULL,
  address       text NOT NULL,
  failures      integer NOT NULL DEFAULT 0,
  blocked_until timestamptz,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (email, address)
);
CREATE INDEX sign_in_throttle_updated_idx ON sign_in_throttle (updated_at);

ALTER TABLE users DROP COLUMN failed_sign_ins;
ALTER TABLE users DROP COLUMN locked_until;

-- Session ids are kept as their SHA-256, so a copy of the table signs nobody in.
UPDATE sessions SET id = encode(sha256(convert_to(id, 'UTF8')), 'hex');
