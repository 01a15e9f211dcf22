-- Recording a birth changes what the profile is evaluated from (the baby is born, its age, gestation
-- and birth weight count from now), so it is a profile version like any other change (issue 12).
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth'));
