-- The day a visit's evidence was seen (issue 14): the subject's page records the day the evidence
-- was seen, said or checked, which may be before the day it was saved (src/domain/profile/
-- evidence-seen-on.ts: not after the day it was saved, not before the record began). Evidence
-- recorded before this column, on a factor's own page or from the chronology has none, and is
-- dated by when it was recorded.
ALTER TABLE profile_evidence ADD COLUMN seen_on date;
