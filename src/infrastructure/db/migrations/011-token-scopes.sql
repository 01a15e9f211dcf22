-- API tokens carry scopes (read, write, feed: space-separated) and a name their owner gives them, so
-- an agency system can hold a token that only sends events, and a person can tell their tokens apart
-- when they list or revoke them. Tokens issued before keep every scope they had.
ALTER TABLE api_tokens ADD COLUMN scopes text NOT NULL DEFAULT 'read write feed';
ALTER TABLE api_tokens ADD COLUMN name text NOT NULL DEFAULT 'API token';
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_scopes_check CHECK (scopes ~ '^(read)?( ?write)?( ?feed)?$' AND scopes <> '');
