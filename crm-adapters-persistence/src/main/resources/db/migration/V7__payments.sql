-- Payments by hand and from the bank's OCR giro files. An OCR transaction is registered
-- once (its bank reference is unique), and a file once (its transmission number).

CREATE TABLE ocr_import (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transmission_number text        NOT NULL UNIQUE,
    file_sha256         char(64)    NOT NULL,
    transactions        integer,
    applied             integer,
    unmatched           integer,
    reversals           integer,
    duplicates          integer,
    applied_amount      bigint,
    imported_by         text        NOT NULL,
    imported_at         timestamptz NOT NULL
);

CREATE TABLE payment (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id     bigint REFERENCES invoice (id),
    kind           text        NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL')),
    source         text        NOT NULL CHECK (source IN ('MANUAL', 'OCR')),
    amount         bigint      NOT NULL,
    paid_on        date        NOT NULL,
    kid            text,
    bank_reference text UNIQUE,
    import_id      bigint REFERENCES ocr_import (id),
    registered_by  text        NOT NULL,
    registered_at  timestamptz NOT NULL,
    CHECK ((source = 'OCR') = (bank_reference IS NOT NULL AND import_id IS NOT NULL)),
    CHECK (kind = 'PAYMENT' OR invoice_id IS NULL),
    CHECK (source = 'OCR' OR amount > 0)
);
CREATE INDEX payment_invoice ON payment (invoice_id, id) WHERE invoice_id IS NOT NULL;
CREATE INDEX payment_unmatched ON payment (id) WHERE invoice_id IS NULL AND kind = 'PAYMENT';

-- Payments are the books' evidence: corrected by new entries, never deleted.
CREATE FUNCTION refuse_payment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments are kept: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER payment_kept BEFORE DELETE ON payment FOR EACH ROW EXECUTE FUNCTION refuse_payment_delete();
CREATE TRIGGER payment_no_truncate BEFORE TRUNCATE ON payment FOR EACH STATEMENT EXECUTE FUNCTION refuse_payment_delete();
