-- The audit chain no longer serialises every writer (ADR 10). A writer inserts its entry with an
-- HMAC of the entry's own fields (entry_hash, keyed as before) and no place in the chain; one sealing
-- step, run every second, gives the entries committed since it last ran their place (chain_seq) in
-- the order it finds them, and chains each onto the one before (prev_hash, hash). Entries from before
-- keep the place they had: their chain was already in seq order.
ALTER TABLE audit_log ADD COLUMN entry_hash text;
ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log SET chain_seq = seq;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

CREATE UNIQUE INDEX audit_log_chain_idx ON audit_log (chain_seq);
CREATE INDEX audit_log_unsealed_idx ON audit_log (seq) WHERE chain_seq IS NULL;

-- Still append-only: the one change allowed is sealing, which gives an unsealed entry its place and
-- chain hashes and touches nothing the entry says.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.hash IS NOT NULL
     AND (NEW.seq, NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_organisation_id, NEW.channel, NEW.action,
          NEW.outcome, NEW.subject_type, NEW.subject_id, NEW.case_id, NEW.ip, NEW.details, NEW.key_id, NEW.entry_hash)
         IS NOT DISTINCT FROM
         (OLD.seq, OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_organisation_id, OLD.channel, OLD.action,
          OLD.outcome, OLD.subject_type, OLD.subject_id, OLD.case_id, OLD.ip, OLD.details, OLD.key_id, OLD.entry_hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
