-- V15: more facts kept in the write, so the month's reports and the control lists read a
-- period's rows from one index instead of rebuilding them (docs/decisions/sales-reports.md,
-- docs/benchmarks/reports.md).

-- A billed line: an issued invoice or credit-note line with what it billed, taken when the
-- document is issued. While a sale is on an invoice its lines, stage, seller and bookings
-- cannot change (Sale.requireOffInvoice), so at that moment the sale's n-th line is the one
-- the invoice's n-th line of that sale was drafted from (DraftInvoice copies them in order);
-- a credit-note line bills what the line it credits billed. The reports read the period's
-- billed lines and nothing of the sales behind them.
CREATE TABLE billed_line (
    invoice_id    bigint        NOT NULL,
    line_no       integer       NOT NULL,
    kind          text          NOT NULL,
    status        text          NOT NULL,
    number        bigint        NOT NULL,
    issue_date    date          NOT NULL,
    company_id    bigint        NOT NULL,
    buyer_name    text,
    sale_id       bigint,
    sale_line_id  bigint,
    placement_id  bigint,
    seller_id     bigint,
    team          text,
    description   text          NOT NULL,
    unit_price    bigint        NOT NULL,
    agreed_price  bigint,
    tax_percent   numeric(5, 2) NOT NULL,
    net           bigint        NOT NULL,
    first_day     date,
    last_day      date,
    PRIMARY KEY (invoice_id, line_no),
    FOREIGN KEY (invoice_id, line_no) REFERENCES invoice_line (invoice_id, line_no)
);
-- in the order the reports and the export read them
CREATE INDEX billed_line_issued ON billed_line (issue_date, number, line_no);

-- The lines of one document as billed, computed from the document, its sales and their
-- bookings as they stand now: run when the document is issued, and once below for the
-- documents issued before this migration.
CREATE FUNCTION billed_lines_of(document bigint) RETURNS SETOF billed_line LANGUAGE sql STABLE AS $$
    WITH lines AS (
        SELECT i.id AS invoice_id, l.line_no, i.kind, i.status, i.number, i.issue_date, i.company_id, i.buyer_name,
               l.sale_id, l.description, l.unit_price, coalesce(l.tax_percent, 0) AS tax_percent,
               line_net(l.quantity, l.unit_price, l.discount_percent) AS net, i.credited_invoice_id, l.credited_line_no,
               row_number() OVER (PARTITION BY l.sale_id ORDER BY l.line_no) AS position
        FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id WHERE i.id = document)
    SELECT l.invoice_id, l.line_no, l.kind, l.status, l.number, l.issue_date, l.company_id, l.buyer_name,
           coalesce(l.sale_id, c.sale_id), coalesce(m.id, c.sale_line_id), coalesce(m.placement_id, c.placement_id),
           coalesce(s.responsible_seller_id, c.seller_id), coalesce(s.team, c.team), l.description, l.unit_price,
           coalesce(m.unit_price, c.agreed_price), l.tax_percent, l.net,
           coalesce(k.first_day, c.first_day), coalesce(k.last_day, c.last_day)
    FROM lines l
    -- a credit-note line: what its credited line billed
    LEFT JOIN billed_line c ON l.kind = 'CREDIT_NOTE' AND c.invoice_id = l.credited_invoice_id AND c.line_no = l.credited_line_no
    -- an invoice line: its sale, and the sale's line in the same position
    LEFT JOIN sale s ON l.kind = 'INVOICE' AND s.id = l.sale_id
    LEFT JOIN LATERAL (SELECT sl.id, sl.placement_id, sl.unit_price FROM sale_line sl WHERE sl.sale_id = s.id
                       ORDER BY sl.id OFFSET l.position - 1 LIMIT 1) m ON true
    LEFT JOIN LATERAL (SELECT min(b.first_day) AS first_day, max(b.last_day) AS last_day FROM booking b
                       WHERE b.sale_id = s.id AND b.placement_id = m.placement_id AND b.status <> 'CANCELLED') k ON true
$$;

-- Issued: the lines are written as billed. Any later move (paid, credited) is copied to them.
CREATE FUNCTION keep_billed_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'DRAFT' THEN
        INSERT INTO billed_line SELECT * FROM billed_lines_of(NEW.id);
    ELSE
        UPDATE billed_line SET status = NEW.status WHERE invoice_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER invoice_billed_lines AFTER UPDATE OF status ON invoice
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status <> 'DRAFT') EXECUTE FUNCTION keep_billed_lines();

-- the documents issued already: invoices first, so each credit note finds what it credits
INSERT INTO billed_line SELECT b.* FROM invoice i, billed_lines_of(i.id) b WHERE i.status <> 'DRAFT' AND i.kind = 'INVOICE';
INSERT INTO billed_line SELECT b.* FROM invoice i, billed_lines_of(i.id) b WHERE i.status <> 'DRAFT' AND i.kind = 'CREDIT_NOTE';

-- Written by the trigger, as the application's role; nobody edits it by hand.
GRANT SELECT, INSERT, UPDATE ON billed_line TO ${appRole};


-- A sale keeps when it was first ordered (what ordered revenue counts) and when it was last
-- moved to ordered (how long an order has waited for its invoice), raised by each stage change
-- as V13's furthest stage is, under the sale's row lock the stage change takes first.
ALTER TABLE sale ADD COLUMN first_ordered_at timestamptz, ADD COLUMN ordered_at timestamptz;

CREATE OR REPLACE FUNCTION keep_sale_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE sale s SET furthest_stage = greatest(s.furthest_stage, stage_rank(NEW.to_stage)),
        ever_lost = s.ever_lost OR NEW.to_stage = 'LOST', ever_cancelled = s.ever_cancelled OR NEW.to_stage = 'CANCELLED',
        first_ordered_at = CASE WHEN NEW.first_order THEN NEW.changed_at ELSE s.first_ordered_at END,
        ordered_at = CASE WHEN NEW.to_stage = 'ORDERED' THEN greatest(s.ordered_at, NEW.changed_at) ELSE s.ordered_at END
    WHERE s.id = NEW.sale_id;
    RETURN NULL;
END;
$$;

UPDATE sale s SET first_ordered_at = h.first_ordered_at, ordered_at = h.ordered_at
FROM (SELECT sale_id, min(changed_at) FILTER (WHERE first_order) AS first_ordered_at, max(changed_at) AS ordered_at
      FROM sale_stage_change WHERE to_stage = 'ORDERED' GROUP BY sale_id) h WHERE s.id = h.sale_id;

-- The month's ordered sales with all the sales report groups them by; the orders waiting for an invoice.
CREATE INDEX sale_first_ordered ON sale (first_ordered_at) INCLUDE (net, barter, responsible_seller_id, team, company_id)
    WHERE first_ordered_at IS NOT NULL;
CREATE INDEX sale_waiting_for_invoice ON sale (ordered_at) INCLUDE (company_id) WHERE stage = 'ORDERED' AND invoice_id IS NULL;

-- The invoices with money still due, for the overdue list.
CREATE INDEX invoice_open ON invoice (due_date, number)
    WHERE kind = 'INVOICE' AND status NOT IN ('DRAFT', 'CREDITED') AND gross - paid - credited > 0;

-- A period's outbound contacts with their answer, and its inbound contacts with theirs, read
-- from the index alone (engagement and response times).
CREATE INDEX activity_outbound_contact ON activity (occurred_at) INCLUDE (staff_user_id, next_reply_at)
    WHERE direction = 'OUTBOUND' AND is_contact(kind);
CREATE INDEX activity_inbound_contact ON activity (occurred_at, id) INCLUDE (next_reply_by, next_reply_at)
    WHERE direction = 'INBOUND' AND is_contact(kind);
