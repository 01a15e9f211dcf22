-- The profile reads which check items the case's current plan holds (a check missed twice for an item
-- the plan no longer holds is history, not the plan-check-missed finding: issue 13), so a change to
-- the plan that takes items off it writes a profile version of its own kind, 'plan'
-- (application/plan/update-plan.ts).
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings', 'team', 'plan'));
