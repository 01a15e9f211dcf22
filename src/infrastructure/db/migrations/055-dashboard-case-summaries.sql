-- Issue 16 (ADR 0017): one row a case of what the dashboards count, written by the one way to change a
-- case in the same transaction as the change (application/dashboards/case-summaries.ts), so that a
-- dashboard counts in SQL and never evaluates a case. What turns with the date alone is kept as the
-- day it turns (the review's and the first running clock's due day, the days the baby is 6 and 12
-- months old) and compared with today by the statement that counts. A row is of the profile version
-- and the clocks' settings it was worked out under: a case with no row, or with a row of another
-- version or other settings (a case made before this migration, a catalogue re-evaluation, a change of
-- the timescales), is worked out again by the next dashboard that counts it. This migration makes the
-- table empty; the first dashboard read fills it, and `icp profiles reevaluate` fills it for every case.
CREATE TABLE dashboard_case_summaries (
  case_id text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  profile_version integer NOT NULL,
  -- The clocks' settings (the area's timescales) the due days were worked out under.
  settings_stamp text NOT NULL,
  status text NOT NULL,
  level text NOT NULL,
  opened_on date NOT NULL,
  six_months_on date,
  twelve_months_on date,
  completeness text NOT NULL,
  -- The measures the record alone decides that count the case (domain/dashboards/measures.ts).
  record_measures text[] NOT NULL,
  review_due_on date,
  clock_due_on date,
  written_at timestamptz NOT NULL
);
