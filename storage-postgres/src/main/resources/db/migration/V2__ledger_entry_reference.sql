-- Journal entries carry a typed reference (kind, aggregate id, step, event): what posted them.
-- Entries written before this migration have none (NULL); readers fall back to their keys.
ALTER TABLE mercato_ledger_entry
    ADD COLUMN ref_kind      text,
    ADD COLUMN ref_aggregate text,
    ADD COLUMN ref_step      bigint,
    ADD COLUMN ref_event     text,
    ADD CONSTRAINT mercato_ledger_entry_reference_whole CHECK (
        (ref_kind IS NULL AND ref_aggregate IS NULL AND ref_step IS NULL AND ref_event IS NULL)
        OR (ref_kind IS NOT NULL AND ref_aggregate IS NOT NULL AND ref_step >= 0 AND ref_event IS NOT NULL));
CREATE INDEX mercato_ledger_entry_reference ON mercato_ledger_entry (ref_kind, ref_aggregate, ref_step);
