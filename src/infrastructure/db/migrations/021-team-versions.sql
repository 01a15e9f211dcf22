-- The profile reads which kinds of agency are in the team around the family (a social worker in the
-- team: the discharge-without-plan finding, issue 13), so a member joining from a kind of agency not
-- yet in the team writes a profile version of its own kind, 'team' (application/cases/manage-team.ts).
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person', 'settings', 'team'));
