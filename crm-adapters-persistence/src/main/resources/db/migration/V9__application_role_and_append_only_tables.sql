-- The application's own role, and tables that only grow.
--
-- Migrations run as the schema's owner; the server connects as ${appRole} (Flyway
-- placeholder appRole, default kontor_app), which gets only the statements it needs:
-- no DDL, no TRUNCATE, no way to switch a trigger off (that takes ownership), and no
-- UPDATE of columns that must never change. The triggers below hold the same rules for
-- every role, the owner included; the keyed audit chain covers the rest.
-- See docs/decisions/database-roles.md.

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${appRole};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${appRole};

-- Flyway's history is read at start (are migrations pending?), never written by the server.
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM ${appRole};
-- VAT rates are reference data, changed by a migration.
REVOKE INSERT, UPDATE, DELETE ON vat_rate FROM ${appRole};

-- The audit log: entries appended, the head moved, nothing else.
REVOKE UPDATE, DELETE ON audit_entry FROM ${appRole};
REVOKE INSERT, UPDATE, DELETE ON audit_head FROM ${appRole};
GRANT UPDATE (seq, hash) ON audit_head TO ${appRole};
REVOKE UPDATE ON audit_subject_key FROM ${appRole};

-- The series: its one row counts up.
REVOKE INSERT, UPDATE, DELETE ON invoice_series FROM ${appRole};
GRANT UPDATE (next_no) ON invoice_series TO ${appRole};

-- Invoices: a draft's reference and note change, issuing fills in the document, money moves
-- status, paid and credited, the PDFs are archived once (the trigger of V6 freezes the rest
-- once issued). What a document is, whose it is and whom it credits never change.
REVOKE UPDATE ON invoice FROM ${appRole};
GRANT UPDATE (status, number, buyer_reference, note, issue_date, due_date, kid,
              seller_name, seller_org_no, seller_street, seller_postal_code, seller_place, seller_email, seller_phone,
              seller_account, seller_vat_registered, seller_foretaksregisteret,
              buyer_customer_no, buyer_name, buyer_org_no, buyer_street, buyer_postal_code, buyer_place, buyer_email,
              net, vat, gross, ubl, pin_hash, paid, credited, pdf, pdf_preprinted, changed_by, changed_at, version)
    ON invoice TO ${appRole};

-- Payments: an unmatched payment is assigned to its invoice; nothing else changes.
REVOKE UPDATE, DELETE ON payment FROM ${appRole};
GRANT UPDATE (invoice_id) ON payment TO ${appRole};

-- An OCR import records its report once; reminders and stage changes are history.
REVOKE UPDATE, DELETE ON ocr_import FROM ${appRole};
GRANT UPDATE (transactions, applied, unmatched, reversals, duplicates, applied_amount) ON ocr_import TO ${appRole};
REVOKE UPDATE, DELETE ON invoice_reminder FROM ${appRole};
REVOKE UPDATE, DELETE ON sale_stage_change FROM ${appRole};

-- The same rules for every role, held by triggers.
CREATE FUNCTION refuse_change_of_kept_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are kept as written: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

-- payment: the one change allowed is an unmatched payment (no invoice) getting its invoice.
CREATE FUNCTION guard_payment_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unchanged payment;
BEGIN
    unchanged := NEW;
    unchanged.invoice_id := OLD.invoice_id;
    IF OLD.invoice_id IS NULL AND NEW.invoice_id IS NOT NULL AND OLD.kind = 'PAYMENT'
       AND unchanged IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'payment % is kept as registered: only an unmatched payment may be assigned to an invoice', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER payment_append_only BEFORE UPDATE ON payment
    FOR EACH ROW EXECUTE FUNCTION guard_payment_change();

-- ocr_import: the report is written once, after the file's payments; nothing else changes.
CREATE FUNCTION guard_ocr_import_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unchanged ocr_import;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.transactions IS NULL THEN
        unchanged := NEW;
        unchanged.transactions := NULL;
        unchanged.applied := OLD.applied;
        unchanged.unmatched := OLD.unmatched;
        unchanged.reversals := OLD.reversals;
        unchanged.duplicates := OLD.duplicates;
        unchanged.applied_amount := OLD.applied_amount;
        IF unchanged IS NOT DISTINCT FROM OLD THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'OCR import % is kept as imported: % refused', OLD.id, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER ocr_import_append_only BEFORE UPDATE OR DELETE ON ocr_import
    FOR EACH ROW EXECUTE FUNCTION guard_ocr_import_change();
CREATE TRIGGER ocr_import_no_truncate BEFORE TRUNCATE ON ocr_import
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();

CREATE TRIGGER invoice_reminder_append_only BEFORE UPDATE OR DELETE ON invoice_reminder
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER invoice_reminder_no_truncate BEFORE TRUNCATE ON invoice_reminder
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();

CREATE TRIGGER sale_stage_change_append_only BEFORE UPDATE OR DELETE ON sale_stage_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER sale_stage_change_no_truncate BEFORE TRUNCATE ON sale_stage_change
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();

-- The series and the audit head are single rows: never removed.
CREATE TRIGGER invoice_series_kept BEFORE DELETE ON invoice_series
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER invoice_series_no_truncate BEFORE TRUNCATE ON invoice_series
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_kept_rows();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_kept_rows();
