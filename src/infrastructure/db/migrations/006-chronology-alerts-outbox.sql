-- Issue 5: one chronology per baby across every agency; alerts to the team around the family;
-- an outbox so that mail is never lost when the mail server is down.

-- A chronology entry is never edited: a correction is a new entry naming the one it corrects.
CREATE TABLE chronology_entries (
  case_id           text NOT NULL REFERENCES cases (id),
  id                text NOT NULL,
  kind              text NOT NULL,
  -- When it happened: the day always, the moment when known.
  occurred_on       date NOT NULL,
  occurred_at       timestamptz,
  recorded_at       timestamptz NOT NULL,
  recorded_by       text REFERENCES users (id),
  recorded_by_name  text NOT NULL,
  organisation_id   text NOT NULL REFERENCES organisations (id),
  agency            text NOT NULL,
  agency_kind       text NOT NULL,
  summary           text NOT NULL,
  source            text NOT NULL CHECK (source IN ('observed', 'agency-record', 'third-party', 'carer-account', 'professional-judgement')),
  person_ids        jsonb NOT NULL DEFAULT '[]',
  present_ids       jsonb NOT NULL DEFAULT '[]',
  victim_ids        jsonb NOT NULL DEFAULT '[]',
  perpetrator_ids   jsonb NOT NULL DEFAULT '[]',
  indicates         jsonb NOT NULL DEFAULT '[]',
  significant       boolean NOT NULL DEFAULT false,
  baby_seen         boolean,
  substance         text CHECK (substance IS NULL OR substance IN ('alcohol', 'drugs')),
  gestation_weeks   integer,
  -- What a contact form recorded beyond the summary (the baby's lived experience).
  details           jsonb NOT NULL DEFAULT '{}',
  corrects          text,
  correction_reason text,
  external_id       text,
  PRIMARY KEY (case_id, id),
  CHECK ((corrects IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX chronology_entries_case_idx ON chronology_entries (case_id, occurred_on, recorded_at);
-- An agency system's id is unique within that agency: a retried feed creates nothing new.
CREATE UNIQUE INDEX chronology_entries_external_idx ON chronology_entries (organisation_id, external_id) WHERE external_id IS NOT NULL;
CREATE TRIGGER chronology_entries_append_only BEFORE UPDATE OR DELETE ON chronology_entries
  FOR EACH ROW EXECUTE FUNCTION profile_history_refuse_change();

ALTER TABLE profile_versions DROP CONSTRAINT profile_versions_kind_check;
ALTER TABLE profile_versions ADD CONSTRAINT profile_versions_kind_check CHECK (kind IN ('factor', 'decision', 'review', 'level', 'event'));

CREATE TABLE alerts (
  case_id      text NOT NULL REFERENCES cases (id),
  id           text NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('trigger-event', 'critical-finding', 'discharge', 'emergency-attendance')),
  severity     text NOT NULL CHECK (severity IN ('critical', 'high', 'attention')),
  message      text NOT NULL,
  -- What to do now: a protocol's steps, in order.
  steps        jsonb NOT NULL DEFAULT '[]',
  entry_id     text,
  finding_id   text,
  raised_at    timestamptz NOT NULL,
  -- When it went to the safeguarding lead because nobody acknowledged it in time.
  escalated_at timestamptz,
  PRIMARY KEY (id)
);
CREATE INDEX alerts_case_idx ON alerts (case_id, raised_at);

-- One row per person an alert reaches: each current team member once, and the safeguarding lead
-- it escalates to when nobody acknowledges it in time.
CREATE TABLE alert_recipients (
  alert_id          text NOT NULL REFERENCES alerts (id),
  user_id           text NOT NULL REFERENCES users (id),
  reached_as        text NOT NULL CHECK (reached_as IN ('lead-professional', 'team-member', 'safeguarding-lead')),
  created_at        timestamptz NOT NULL,
  acknowledged_at   timestamptz,
  acknowledged_note text,
  PRIMARY KEY (alert_id, user_id)
);
CREATE INDEX alert_recipients_open_idx ON alert_recipients (user_id) WHERE acknowledged_at IS NULL;

CREATE TABLE outbox (
  id              text PRIMARY KEY,
  to_address      text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  alert_id        text REFERENCES alerts (id),
  created_at      timestamptz NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  sent_at         timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;
