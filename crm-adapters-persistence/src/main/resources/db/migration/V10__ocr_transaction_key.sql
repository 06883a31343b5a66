-- An OCR transaction is known by what makes it unique at the bank: the agreement and
-- assignment it was settled in, its transaction number and its settlement date. The
-- archive reference is not unique (another bank may print the same one), so the bank
-- reference (settlement date/transaction number/archive reference) stays for people to
-- look a payment up, and is no longer a key.
ALTER TABLE payment
    ADD COLUMN ocr_agreement_id       text CHECK (ocr_agreement_id ~ '^[0-9]{9}$'),
    ADD COLUMN ocr_assignment_number  text CHECK (ocr_assignment_number ~ '^[0-9]{7}$'),
    ADD COLUMN ocr_transaction_number text CHECK (ocr_transaction_number ~ '^[0-9]{7}$');

ALTER TABLE payment DROP CONSTRAINT payment_bank_reference_key;

-- paid_on of an OCR payment is its settlement date (positions 16-21 of amount item 1).
-- Payments by hand, and OCR payments imported before this migration, have no key (NULLs
-- never collide).
ALTER TABLE payment ADD CONSTRAINT payment_bank_transaction
    UNIQUE (ocr_agreement_id, ocr_assignment_number, ocr_transaction_number, paid_on);

-- every OCR payment from now on carries its whole key, and only OCR payments do; rows
-- imported before this migration cannot be given one (the files were not kept)
ALTER TABLE payment ADD CONSTRAINT payment_bank_transaction_given CHECK (
    (source = 'OCR') = (ocr_agreement_id IS NOT NULL AND ocr_assignment_number IS NOT NULL AND ocr_transaction_number IS NOT NULL)
) NOT VALID;

-- those older OCR payments are still recognised by their bank reference
CREATE INDEX payment_keyless_bank_reference ON payment (bank_reference) WHERE source = 'OCR' AND ocr_agreement_id IS NULL;

-- A file is known by its transmission number and its content: the SHA-256 of its records
-- with line ends normalised (CR LF and CR as LF, no final line end). The same number with
-- other content is refused. NULL for files imported before this migration: they compare
-- by file_sha256 (the bytes as received).
ALTER TABLE ocr_import ADD COLUMN content_sha256 char(64) CHECK (content_sha256 ~ '^[0-9a-f]{64}$');

-- The application's role reads and adds the new columns through its table-wide SELECT and
-- INSERT (V9); it may update none of them (its UPDATE on payment and ocr_import is limited
-- to the columns V9 names), and the triggers of V9 refuse a change by anyone.
