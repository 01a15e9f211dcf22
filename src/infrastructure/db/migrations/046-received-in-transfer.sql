-- What a case received in a transfer from another area (issue 21) says where it came from, as a
-- received chronology entry does in its details: the sending area and the day it was received. A
-- received factor assessment also keeps when and by whom (in words) it was assessed there and its
-- version here on arrival: it is the sending area's assessment, unverified, until someone here
-- confirms or re-assesses it (a new version). Null for everything recorded here.
ALTER TABLE person_relationships ADD COLUMN received_from jsonb;
ALTER TABLE profile_assessments ADD COLUMN received_from jsonb;
ALTER TABLE case_plans ADD COLUMN received_from jsonb;
ALTER TABLE case_meetings ADD COLUMN received_from jsonb;
ALTER TABLE chronology_disputes ADD COLUMN received_from jsonb;
