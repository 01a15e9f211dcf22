-- The infant's record, the people around the baby and the team around the family.
-- Case-scoped tables carry case_id in their primary key so they can be distributed by case.
CREATE TABLE cases (
  id                      text PRIMARY KEY,
  status                  text NOT NULL CHECK (status IN ('unborn', 'born')),
  given_name              text,
  family_name             text,
  sex                     text,
  nhs_number              text,
  date_of_birth           date,
  expected_delivery_date  date,
  gestation_at_birth_weeks integer,
  birth_weight_grams      integer,
  multiple_birth          boolean,
  independently_mobile    boolean,
  level                   text NOT NULL DEFAULT 'universal'
                          CHECK (level IN ('universal', 'early-help', 'child-in-need', 'child-protection', 'looked-after')),
  created_by              text REFERENCES users (id),
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  version                 integer NOT NULL DEFAULT 1,
  CHECK ((status = 'unborn' AND expected_delivery_date IS NOT NULL) OR (status = 'born' AND date_of_birth IS NOT NULL))
);
CREATE INDEX cases_nhs_number_idx ON cases (nhs_number) WHERE nhs_number IS NOT NULL;

CREATE TABLE people (
  case_id                  text NOT NULL REFERENCES cases (id),
  id                       text NOT NULL,
  given_name               text,
  family_name              text,
  date_of_birth            date,
  nhs_number               text,
  sex                      text,
  relationship_to_infant   text NOT NULL,
  lives_in_household       boolean NOT NULL,
  cares_for_infant         boolean NOT NULL,
  visits_regularly         boolean NOT NULL DEFAULT false,
  parental_responsibility  boolean,
  paternity_confirmed      boolean,
  identity_known           boolean NOT NULL DEFAULT true,
  description              text,
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL,
  version                  integer NOT NULL DEFAULT 1,
  PRIMARY KEY (case_id, id)
);

CREATE TABLE case_team (
  case_id   text NOT NULL REFERENCES cases (id),
  user_id   text NOT NULL REFERENCES users (id),
  role      text NOT NULL CHECK (role IN ('lead-professional', 'member')),
  added_at  timestamptz NOT NULL,
  added_by  text REFERENCES users (id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_team_user_idx ON case_team (user_id);
