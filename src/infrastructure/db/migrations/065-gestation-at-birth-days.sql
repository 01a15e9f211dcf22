-- Gestation at birth keeps its days (H2, item 3): "29+3" was saved as 29 weeks, the 3 days lost.
-- gestation_at_birth_weeks stays the completed weeks (what every rule reads: preterm is under 37
-- completed weeks, so 36+6 is preterm); gestation_at_birth_days holds the days past them, 0 to 6,
-- and is null when only weeks were given (as every record before this one). No days without weeks.
ALTER TABLE cases ADD COLUMN gestation_at_birth_days smallint;
ALTER TABLE cases ADD CONSTRAINT cases_gestation_at_birth_days_range
  CHECK (gestation_at_birth_days IS NULL OR (gestation_at_birth_days BETWEEN 0 AND 6 AND gestation_at_birth_weeks IS NOT NULL));
