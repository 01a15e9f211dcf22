-- The plan's visiting pattern (issue 13: "who sees the baby how often; the plan shows who has and has
-- not kept to it"): each version of the plan keeps its visiting commitments beside its check items and
-- actions, whole, as those are. Versions saved before this have none.
-- [{ "id", "agencyKind", "who"?, "everyDays" (1 to 90), "babySeen", "since" }]
ALTER TABLE case_plans ADD COLUMN visits jsonb NOT NULL DEFAULT '[]';
