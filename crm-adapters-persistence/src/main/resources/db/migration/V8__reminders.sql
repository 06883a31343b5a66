-- Reminders (purringer) of unpaid invoices: numbered per invoice, each with what was due,
-- the fee claimed and the late-payment interest stated; sent by e-mail through the outbox.
CREATE TABLE invoice_reminder (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint      NOT NULL REFERENCES invoice (id),
    number     integer     NOT NULL CHECK (number >= 1),
    sent_on    date        NOT NULL,
    pay_by     date        NOT NULL CHECK (pay_by >= sent_on + 14),
    principal  bigint      NOT NULL CHECK (principal > 0),
    fee        bigint      NOT NULL CHECK (fee >= 0),
    interest   bigint      NOT NULL CHECK (interest >= 0),
    sent_by    text        NOT NULL,
    sent_at    timestamptz NOT NULL,
    UNIQUE (invoice_id, number)
);

-- at most two fees per claim, held here as well as in the domain
CREATE FUNCTION refuse_third_reminder_fee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.fee > 0 AND (SELECT count(*) FROM invoice_reminder WHERE invoice_id = NEW.invoice_id AND fee > 0) >= 2 THEN
        RAISE EXCEPTION 'invoice % already carries two reminder fees', NEW.invoice_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER invoice_reminder_fee_limit BEFORE INSERT ON invoice_reminder
    FOR EACH ROW EXECUTE FUNCTION refuse_third_reminder_fee();

ALTER TABLE outbox ADD COLUMN reminder_id bigint REFERENCES invoice_reminder (id);
ALTER TABLE outbox ADD CHECK ((kind = 'SEND_REMINDER') = (reminder_id IS NOT NULL));
