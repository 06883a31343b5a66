-- V16: My page (docs/decisions/portal.md). A customer logs in with an invoice number and the
-- PIN printed on that invoice's customer copy; the archived PDF (the legal copy) no longer
-- carries the PIN.

-- The PIN's hash in a table of its own, not in the frozen invoice row: a manager can reset it,
-- and the invoice's login counts its failures and locks for a while after too many. An
-- invoice issued before this migration keeps its hash here too (the frozen row keeps its copy,
-- which nothing reads any more); one issued after it has its hash only here.
CREATE TABLE invoice_pin (
    invoice_id   bigint      PRIMARY KEY REFERENCES invoice (id),
    pin_hash     bytea       NOT NULL CHECK (length(pin_hash) = 32),
    -- raised by each new PIN: a session opened with an older one ends at its next request
    pin_version  integer     NOT NULL DEFAULT 1 CHECK (pin_version >= 1),
    failures     integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    locked_until timestamptz,
    changed_by   text        NOT NULL,
    changed_at   timestamptz NOT NULL
);
INSERT INTO invoice_pin (invoice_id, pin_hash, changed_by, changed_at)
SELECT id, pin_hash, 'system:migration', now() FROM invoice WHERE status <> 'DRAFT' AND pin_hash IS NOT NULL;

-- A customer session: the token is kept only as its SHA-256. Idle expiry and logout are
-- checked here on every request; a PIN reset ends every session opened with the old PIN.
CREATE TABLE customer_session (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash     bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    invoice_id     bigint      NOT NULL REFERENCES invoice (id),
    company_id     bigint      NOT NULL REFERENCES company (id),
    pin_version    integer     NOT NULL,
    client_address text        NOT NULL,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    ended_at       timestamptz,
    end_reason     text CHECK (end_reason IN ('LOGGED_OUT', 'IDLE', 'PIN_RESET')),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX customer_session_open ON customer_session (invoice_id) WHERE ended_at IS NULL;

-- Failed My page logins per client address (a guesser walks the invoice numbers), and in all
-- (a burst across every invoice is warned of). Rows older than a day are removed as new ones come.
CREATE TABLE portal_login_failure (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_address text        NOT NULL,
    failed_at      timestamptz NOT NULL
);
CREATE INDEX portal_login_failure_client ON portal_login_failure (client_address, failed_at);
CREATE INDEX portal_login_failure_at ON portal_login_failure (failed_at);

-- The customer's copy: the document as archived, plus the PIN, for plain paper and for a
-- pre-printed giro form. Rendered by the outbox from the sealed PIN (at issue, and after a new
-- PIN), removed once mailed or fetched for printing, or when it expires.
CREATE TABLE customer_copy (
    invoice_id     bigint      PRIMARY KEY REFERENCES invoice (id),
    pdf            bytea       NOT NULL,
    pdf_preprinted bytea       NOT NULL,
    rendered_at    timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX customer_copy_expiry ON customer_copy (expires_at);

-- The outbox renders a customer's copy on its own after a new PIN.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check, DROP CONSTRAINT outbox_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('RENDER_PDF', 'RENDER_CUSTOMER_COPY', 'SEND_INVOICE', 'SEND_REMINDER')),
    ADD CONSTRAINT outbox_check CHECK ((kind IN ('RENDER_PDF', 'RENDER_CUSTOMER_COPY')) = (recipient IS NULL));

GRANT SELECT, INSERT ON invoice_pin TO ${appRole};
GRANT UPDATE (pin_hash, pin_version, failures, locked_until, changed_by, changed_at) ON invoice_pin TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_copy TO ${appRole};
GRANT SELECT, INSERT ON customer_session TO ${appRole};
GRANT UPDATE (last_used_at, ended_at, end_reason) ON customer_session TO ${appRole};
GRANT SELECT, INSERT, DELETE ON portal_login_failure TO ${appRole};
