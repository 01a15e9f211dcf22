-- The area's own settings (issue 13): the pre-birth milestones, the unseen-period bands, the clocks'
-- timescales and the rest of src/domain/settings/service-settings.ts, set by an administrator. One
-- row a setting changed from its default, its value as JSON (a number, null for "not set", or age
-- bands); a setting put back to its default loses its row. Each change is also in the audit trail.
CREATE TABLE service_settings (
  key text PRIMARY KEY,
  value jsonb,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES users (id),
  updated_by_name text NOT NULL
);
