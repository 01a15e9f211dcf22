-- Whether the practitioners have established who the other children living with the baby are (H7;
-- docs/domain.md, "Another child under two at home"): null until someone answers, then the answer
-- ("recorded": they are all among the people on the record; "none": no other child lives with the
-- baby) with its evidence, in the shape of domain/people/household-children.ts: source, givenBy,
-- recordedAt, recordedBy (name), agency. Without it, an empty list of people no longer excludes the factor.
ALTER TABLE cases ADD COLUMN household_children jsonb;
ALTER TABLE cases ADD CONSTRAINT cases_household_children_answer
  CHECK (household_children IS NULL OR household_children->>'answer' IN ('recorded', 'none'));
