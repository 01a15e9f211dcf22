-- The audit chain is signed with a key kept outside the database (HMAC-SHA-256): each entry names
-- the key that signed it, so keys can be rotated. Entries from before have no key id and a plain
-- SHA-256; once a signed entry exists, an unsigned one after it is a sign of tampering.
ALTER TABLE audit_log ADD COLUMN key_id text;
