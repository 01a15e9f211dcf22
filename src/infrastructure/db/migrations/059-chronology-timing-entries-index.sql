-- Issue 12 (the home page at england size): the home page reads, for the caller's cases, only the
-- entries that run a clock or bring a profile review forward, and the corrections
-- (application/timescales/case-clocks.ts CLOCK_AND_TRIGGER_KINDS, through chronology-rows.ts
-- loadChronologies); the dashboards' summaries read the same for the cases they rewrite. They are about
-- one entry in sixteen. By case alone (chronology_entries_case_idx) PostgreSQL read every entry of each
-- case and filtered: 2,280 rows and 452 buffers for 40 at county size, a cost that grows with every
-- case's whole chronology. This index holds only those entries, in the chronology's order, so the
-- read is one descent per case and returns them sorted. A query's kinds must be among these for the
-- planner to use it (a kind added to the clocks or the triggers needs a migration that builds it
-- again: timing-entries-index.test.ts fails until then). Migration 048's indexes stay for the
-- partnership's dashboard, which reads these entries of every case.
CREATE INDEX chronology_entries_timing_idx ON chronology_entries (case_id, occurred_on, occurred_at, recorded_at, id)
  WHERE kind IN ('referral', 'referral-decision', 'assessment-completed', 'strategy-discussion', 'conference', 'core-group', 'birth', 'neonatal-admission', 'neonatal-discharge', 'hospital-admission', 'hospital-discharge', 'emergency-attendance', 'injury-observed', 'police-domestic-abuse-incident', 'police-incident', 'substance-use-increase', 'mental-health-deterioration', 'relationship-breakdown', 'new-adult-in-household', 'adult-left-household', 'animal-mistreatment', 'new-pregnancy', 'sibling-born', 'change-of-address', 'safeguarding-flag')
     OR corrects IS NOT NULL;
