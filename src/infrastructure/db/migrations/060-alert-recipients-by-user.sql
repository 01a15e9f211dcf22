-- Issue 12 (H5, beside 059-chronology-timing-entries-index: the same number, as the one given to this
-- work, in a file of its own so that a database that already applied that one applies this one too).
-- The alerts page counts every alert the user was sent, open and acknowledged (list-alerts.ts
-- alertCountsQuery), and "All" lists their newest 100; alert_recipients had an index by user for the
-- open ones only (alert_recipients_open_idx), so both read the whole table: with 400,000 recipients'
-- rows (80 alerts sent to 5,000 users), the count was a parallel sequential scan of 7,276 buffers,
-- 32 ms, for the user's 80 rows; by this index, 7 buffers and 0.08 ms. Their cost now follows the
-- user's own alerts, not everyone's.
CREATE INDEX alert_recipients_user_idx ON alert_recipients (user_id);
