-- Two reads of the staff pages (docs/decisions/web-ui.md, docs/benchmarks/pages.md).

-- The pipeline board reads each stage's newest sales: by stage, then id, so a column does not
-- walk the whole table backwards past the other stages (600 ms a column on a million sales;
-- a few ms with this).
CREATE INDEX sale_stage_newest ON sale (stage, id);

-- The overdue list sums what is due per due date over every overdue invoice (its age bands and
-- total), on each page: with the amounts in the index that is an index-only scan (15 ms
-- instead of 450 ms over 44,000 overdue invoices). Same predicate as V15's invoice_open.
CREATE INDEX invoice_open_due_sums ON invoice (due_date) INCLUDE (gross, paid, credited)
    WHERE kind = 'INVOICE' AND status NOT IN ('DRAFT', 'CREDITED') AND gross - paid - credited > 0;
