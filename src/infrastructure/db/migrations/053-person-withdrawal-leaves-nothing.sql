-- A person withdrawn from a record as added to the wrong family leaves nothing behind (issue 21).
--
-- 1. The append-only history of a case (profile versions, evidence, decisions, chronology entries,
-- plans, meetings, consents, supervisions, disputes) takes one kind of change besides a removal: the
-- withdrawal replaces the person's name, NHS number and address where they appear in it
-- (application/people/redact-person-mentions.ts). The remover names the case in the
-- transaction-local setting icp.redacting_person_case, and only that case's rows may change, never
-- to another case. Everything else still refuses an update or a delete.
CREATE OR REPLACE FUNCTION profile_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.case_id IS NOT DISTINCT FROM nullif(current_setting('icp.removing_case', true), '') THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.case_id IS NOT DISTINCT FROM nullif(current_setting('icp.redacting_person_case', true), '') AND NEW.case_id = OLD.case_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

-- 2. A released subject access disclosure's items keep whom each concerns (issue 21, ADR 0014): the ids
-- of the people in its case it is about, disclosed or withheld, so that a person withdrawn from a
-- record as added in error takes their items out of a disclosure already released, as a withdrawn
-- case does. New releases write it (domain/subject-access/apply-decisions.ts). This fills it on the
-- items released before, where the record still says whom they concern: an item disclosed (not
-- withheld) and the person still in its case (nothing is known of a withheld item's text, or of a
-- person or case removed since). A person is concerned when the item is
--  - their details (the people section): their NHS number in its text, or their name or description
--    opening its heading ("Sarah Hart (mother)");
--  - a chronology entry still held whose summary is its text, which is about them (named in it, there,
--    a victim or a perpetrator);
--  - a factor about them whose detail its text gives, or evidence about them whose note its text opens with;
--  - or its words name them by their given name (a whole word), unless the baby has that name too.
-- An item found to concern no one keeps an empty list. An item already carrying the list is left.
UPDATE subject_access_releases AS r
   SET disclosure = (
     SELECT jsonb_agg(
              CASE WHEN t.item ? 'aboutPeople' THEN t.item
                   ELSE t.item || jsonb_build_object('aboutPeople', COALESCE((
                     SELECT jsonb_agg(p.id ORDER BY p.created_at, p.id)
                       FROM people AS p
                       JOIN cases AS c ON c.id = p.case_id
                      WHERE p.case_id = t.item->>'caseId'
                        AND t.item->>'withheld' IS NULL
                        AND (
                          (t.item->>'section' = 'people' AND (
                             (p.nhs_number IS NOT NULL AND t.item->>'text' LIKE '%NHS number ' || substr(p.nhs_number, 1, 3) || ' ' || substr(p.nhs_number, 4, 3) || ' ' || substr(p.nhs_number, 7) || '%')
                             OR (p.identity_known AND concat_ws(' ', p.given_name, p.family_name) <> '' AND t.item->>'heading' LIKE concat_ws(' ', p.given_name, p.family_name) || ' (%')
                             OR (NOT p.identity_known AND p.description IS NOT NULL AND t.item->>'heading' LIKE p.description || ' (%')))
                          OR (t.item->>'section' = 'chronology' AND EXISTS (
                             SELECT 1 FROM chronology_entries AS e
                              WHERE e.case_id = p.case_id AND e.summary = t.item->>'text'
                                AND (e.person_ids ? p.id OR e.present_ids ? p.id OR e.victim_ids ? p.id OR e.perpetrator_ids ? p.id)))
                          OR (t.item->>'section' = 'profile' AND (
                             EXISTS (SELECT 1 FROM profile_assessments AS a
                                      WHERE a.case_id = p.case_id AND (a.person_id = p.id OR a.subject_key = p.id)
                                        AND a.detail IS NOT NULL AND a.detail <> '' AND strpos(t.item->>'text', a.detail) > 0)
                             OR EXISTS (SELECT 1 FROM profile_evidence AS v
                                         WHERE v.case_id = p.case_id AND v.subject_key = p.id
                                           AND v.note <> '' AND (t.item->>'text' = v.note OR t.item->>'text' LIKE v.note || '. %'))))
                          OR (p.identity_known AND length(p.given_name) > 1 AND lower(p.given_name) IS DISTINCT FROM lower(c.given_name)
                              AND (t.item->>'heading') || ' ' || (t.item->>'text') ~* ('\m' || regexp_replace(p.given_name, '([^[:alnum:] ])', '\\\1', 'g') || '\M'))
                        )
                   ), '[]'::jsonb))
              END
              ORDER BY t.n)
       FROM jsonb_array_elements(r.disclosure) WITH ORDINALITY AS t(item, n)
   )
 WHERE jsonb_array_length(r.disclosure) > 0;
