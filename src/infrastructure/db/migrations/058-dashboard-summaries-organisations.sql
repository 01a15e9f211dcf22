-- Issue 16 (ADR 0017): a case's summary row keeps the organisations of the people on its team around
-- the family, so that the dashboards count by organisation, take an organisation's dashboard's cases
-- and decide who oversees a case from the row, without joining every case's team to its people's
-- accounts (the slowest part of a dashboard: application/dashboards/dashboard-counts.ts). Every write
-- of a row reads them from case_team in the same statement (case-summaries.ts upsertSummaries), and
-- every change to a case's team writes its row, through the one way to change a case. A person never
-- changes organisation. The rows already written get theirs here.
ALTER TABLE dashboard_case_summaries ADD COLUMN organisation_ids text[] NOT NULL DEFAULT '{}';
-- In one pass over the teams, grouped by case (a row whose case has no team keeps the default, none).
UPDATE dashboard_case_summaries s
SET organisation_ids = g.ids
FROM (
  SELECT ct.case_id, array_agg(DISTINCT u.organisation_id ORDER BY u.organisation_id) AS ids
  FROM case_team ct JOIN users u ON u.id = ct.user_id
  GROUP BY ct.case_id
) g
WHERE g.case_id = s.case_id;
-- No default: a writer that forgot the organisations would fail, not count the case in none.
ALTER TABLE dashboard_case_summaries ALTER COLUMN organisation_ids DROP DEFAULT;
