-- Issue 17 ("structured logs carry a request id through to the audit entry"): the id of the request
-- that wrote an audit entry, the same id as the request's log line and its X-Request-Id header, so
-- that an entry leads to the log and back. Null for entries written outside a request (the CLI, the
-- background work) and for those written before this column. It is a reference for finding things,
-- not part of what the entry attests: the entry's own hash does not cover it (ADR 10).
ALTER TABLE audit_log ADD COLUMN request_id text;
CREATE INDEX audit_log_request_idx ON audit_log (request_id) WHERE request_id IS NOT NULL;
