-- The category of abuse of a child protection plan (issue 16), as the Children in Need census codes
-- it: NEG neglect, PHY physical, SAB sexual, EMO emotional, MUL multiple. The conference that makes or
-- keeps the plan records it, so the census return can give InitialCategoryOfAbuse (the conference that
-- started the plan) and LatestCategoryOfAbuse (the latest one while it continues). Only a conference
-- that did not end the plan holds one; meetings recorded before this column have none.
ALTER TABLE case_meetings ADD COLUMN abuse_category text
  CHECK (abuse_category IS NULL OR (abuse_category IN ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')
    AND kind IN ('initial-conference', 'review-conference', 'pre-birth-conference')
    AND protection_plan IS DISTINCT FROM false));
