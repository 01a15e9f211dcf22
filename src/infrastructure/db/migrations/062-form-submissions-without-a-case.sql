-- A form posted twice records once, for forms without a case too (H2, ADR 0026; follows 061). A new
-- record, a quality audit and a legal hold by rule are posted from forms that belong to no case (the
-- new record makes its case), so form_submissions is keyed by the user and the submission id alone:
-- each rendering of a form has an id of its own, so a user's id names one form. case_id stays, now
-- optional: the case the form was on, or the case a new record made, so that the case's rows still go
-- with it (remove-case-data.ts finds every case_id column), and by an index of its own now that the key
-- no longer starts with it. A user's id noted on two cases under 061's key (never made by a form: each
-- rendering's id is new) keeps its first note.
DELETE FROM form_submissions AS later
 USING form_submissions AS first
 WHERE later.user_id = first.user_id AND later.submission_id = first.submission_id
   AND (later.submitted_at, later.case_id) > (first.submitted_at, first.case_id);
ALTER TABLE form_submissions DROP CONSTRAINT form_submissions_pkey;
ALTER TABLE form_submissions ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE form_submissions ADD PRIMARY KEY (user_id, submission_id);
CREATE INDEX form_submissions_case_idx ON form_submissions (case_id);
