-- Recording a birth, and adding or changing a person around the baby, change what the profile is
-- evaluated from (the baby's age, gestation and birth weight; who lives there and cares for the
-- baby), so each is a profile version like any other change (issue 12).
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue', 'birth', 'person'));
