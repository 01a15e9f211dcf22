-- Teams within an organisation (issue 16, ADR 0019): an administrator, or a manager of the
-- organisation, makes, renames and archives them and puts each of its people in one team or none
-- (application/teams/). The dashboards count a case in the team of each of the organisation's
-- people on the case's team, as their team stands when counting: someone who moves team counts in
-- the new team from then on. A team is never deleted: archiving keeps its row (and its name in the
-- audit trail's words) and takes its people out of it. A name is unique within its organisation
-- among its teams not archived, whatever the case of its letters.
CREATE TABLE teams (
  id              text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id),
  name            text NOT NULL,
  created_at      timestamptz NOT NULL,
  archived_at     timestamptz,
  UNIQUE (organisation_id, id)
);
CREATE UNIQUE INDEX teams_active_name_key ON teams (organisation_id, lower(name)) WHERE archived_at IS NULL;

-- A person's team is one of their own organisation's (the pair references the team's pair); null for none.
ALTER TABLE users ADD COLUMN team_id text;
ALTER TABLE users ADD CONSTRAINT users_team_fkey FOREIGN KEY (organisation_id, team_id) REFERENCES teams (organisation_id, id);
CREATE INDEX users_team_idx ON users (team_id) WHERE team_id IS NOT NULL;
