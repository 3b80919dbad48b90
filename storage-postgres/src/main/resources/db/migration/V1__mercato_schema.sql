-- Mercato's tables on PostgreSQL. Amounts are bigint minor units beside a char(3) currency code;
-- instants are (epoch second, nano) pairs so that they read back exactly and sort in SQL.

-- Aggregates: one row per aggregate, its codec's document and an optimistic version.
CREATE TABLE mercato_document (
    aggregate_type text   NOT NULL,
    key            text   NOT NULL,
    version        bigint NOT NULL CHECK (version >= 1),
    schema_version int    NOT NULL CHECK (schema_version >= 1),
    document       jsonb  NOT NULL,
    PRIMARY KEY (aggregate_type, key)
);

-- Secondary index entries of the aggregates (AggregateType.withIndex), rewritten with each version.
CREATE TABLE mercato_index_entry (
    aggregate_type text NOT NULL,
    index_name     text NOT NULL,
    entry          text NOT NULL,
    key            text NOT NULL,
    PRIMARY KEY (aggregate_type, index_name, entry, key),
    FOREIGN KEY (aggregate_type, key) REFERENCES mercato_document (aggregate_type, key) ON DELETE CASCADE
);
CREATE INDEX mercato_index_entry_by_key ON mercato_index_entry (aggregate_type, key);

-- The first result of each idempotent command; the primary key lets one commit win.
CREATE TABLE mercato_idempotency (
    scope        text  NOT NULL,
    key          text  NOT NULL,
    fingerprint  text  NOT NULL,
    result_class text  NOT NULL,
    result       jsonb NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Due timers, written with the state that schedules them; a claim leases a row until lease_until.
CREATE TABLE mercato_timer (
    kind              text   NOT NULL,
    target            text   NOT NULL,
    due_second        bigint NOT NULL,
    due_nano          int    NOT NULL,
    lease_token       text,
    lease_until_second bigint,
    lease_until_nano  int,
    PRIMARY KEY (kind, target)
);
CREATE INDEX mercato_timer_due ON mercato_timer (due_second, due_nano, kind, target);

-- Domain events recorded in the same transaction as the aggregates, until the relay hands them on.
CREATE TABLE mercato_outbox (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_class    text        NOT NULL,
    schema_version int         NOT NULL,
    payload        jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);

-- The journal: append-only entries and postings, balances maintained additively.
CREATE TABLE mercato_ledger_entry (
    seq       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    key       text   PRIMARY KEY,
    at_second bigint NOT NULL,
    at_nano   int    NOT NULL,
    memo      text   NOT NULL,
    reverses  text   UNIQUE REFERENCES mercato_ledger_entry (key)
);

CREATE TABLE mercato_ledger_posting (
    entry_key   text    NOT NULL REFERENCES mercato_ledger_entry (key),
    line        int     NOT NULL,
    account     text    NOT NULL,
    account_doc jsonb   NOT NULL,
    currency    char(3) NOT NULL,
    minor       bigint  NOT NULL CHECK (minor <> 0),
    at_second   bigint  NOT NULL,
    at_nano     int     NOT NULL,
    PRIMARY KEY (entry_key, line)
);
CREATE INDEX mercato_ledger_posting_statement ON mercato_ledger_posting (account, currency, at_second, at_nano);

CREATE TABLE mercato_ledger_balance (
    account     text    NOT NULL,
    currency    char(3) NOT NULL,
    account_doc jsonb   NOT NULL,
    balance     bigint  NOT NULL,
    PRIMARY KEY (account, currency)
);

-- Entries are immutable: corrections are reversing entries, never edits.
CREATE FUNCTION mercato_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'raise_exception';
END
$$;

CREATE TRIGGER mercato_ledger_entry_append_only BEFORE UPDATE OR DELETE ON mercato_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION mercato_refuse_ledger_change();
CREATE TRIGGER mercato_ledger_entry_no_truncate BEFORE TRUNCATE ON mercato_ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION mercato_refuse_ledger_change();
CREATE TRIGGER mercato_ledger_posting_append_only BEFORE UPDATE OR DELETE ON mercato_ledger_posting
    FOR EACH ROW EXECUTE FUNCTION mercato_refuse_ledger_change();
CREATE TRIGGER mercato_ledger_posting_no_truncate BEFORE TRUNCATE ON mercato_ledger_posting
    FOR EACH STATEMENT EXECUTE FUNCTION mercato_refuse_ledger_change();
