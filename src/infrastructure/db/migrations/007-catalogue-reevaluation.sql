-- A profile version can come from re-evaluating the profile against a new catalogue version
-- (`icp profiles reevaluate`): no person changed it, so changed_by stays empty.
ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event', 'catalogue'));
