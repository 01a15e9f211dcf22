-- When each background worker last finished a run (issue 20): the outbox worker runs in one process
-- (the primary of a cluster), and every server process answers GET /health/ready, so the time is kept
-- where they all can read it. One row a worker, overwritten on each run.
CREATE TABLE worker_heartbeats (
  worker text PRIMARY KEY,
  ran_at timestamptz NOT NULL
);
