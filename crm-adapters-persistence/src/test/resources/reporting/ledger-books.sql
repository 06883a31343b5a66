-- A hand-made ledger for the sales reports and control lists; the right answers are in LedgerFiguresTest.
-- Every time is Europe/Oslo. Amounts are øre.
INSERT INTO staff_user (id, username, display_name, password_hash, role, team, created_at, changed_at) VALUES
    (1, 'anna', 'Anna Nord', 'x', 'SELLER', 'Nord', now(), now()),
    (2, 'bent', 'Bent Sør', 'x', 'SELLER', 'Sør', now(), now());

INSERT INTO company (id, name, status, responsible_seller_id, created_by, created_at, changed_by, changed_at) VALUES
    (1, 'Alfa AS', 'CUSTOMER', 1, 't', now(), 't', now()),
    (2, 'Beta AS', 'CUSTOMER', 2, 't', now(), 't', now());

INSERT INTO placement (id, name, channel, unit, created_at, changed_at) VALUES
    (1, 'Forside', 'nett', 'DAY', now(), now()),
    (2, 'Papir side 3', 'papir', 'DAY', now(), now());
INSERT INTO placement_price (placement_id, valid_from, valid_to, unit_price, created_by, created_at) VALUES
    (1, '2026-01-01', NULL, 100000, 't', now()),
    (2, '2026-01-01', '2026-10-31', 500000, 't', now()),
    (2, '2026-11-01', NULL, 600000, 't', now());

-- Sale 1 (Anna): ordered 31 Oct 23:30; its first line now says 1 100.00 a day, yet it was invoiced at 1 000.00
-- Sale 2 (Bent, barter): ordered at the first instant of November; 4 500.00 where the price list says 6 000.00
-- Sale 3 (Anna): ordered 15 Nov, on no invoice
-- Sale 4 (Bent): ordered in October, then ordered again in November after a step back: counted in October only
INSERT INTO sale (id, company_id, responsible_seller_id, stage, barter, description, created_by, created_at, changed_by, changed_at) VALUES
    (1, 1, 1, 'INVOICED', false, 'Kampanje', 'anna', '2026-10-20 10:00 Europe/Oslo', 'anna', now()),
    (2, 2, 2, 'INVOICED', true, 'Bytte', 'bent', '2026-10-21 10:00 Europe/Oslo', 'bent', now()),
    (3, 1, 1, 'ORDERED', false, 'Rådgivning', 'anna', '2026-11-10 10:00 Europe/Oslo', 'anna', now()),
    (4, 2, 2, 'ORDERED', false, 'Frem og tilbake', 'bent', '2026-10-01 10:00 Europe/Oslo', 'bent', now());
INSERT INTO sale_line (id, sale_id, placement_id, description, quantity, unit, unit_price, discount_percent, vat_category, vat_percent) VALUES
    (1, 1, 1, 'Forside-annonse', 2, 'DAY', 110000, 0, 'S', 25),
    (2, 1, NULL, 'Konsulenttimer', 1.5, 'HOUR', 99999, 10, 'S', 25),
    (3, 2, 2, 'Papir side 3', 1, 'DAY', 450000, 0, 'S', 25),
    (4, 3, NULL, 'Konsulenttimer', 10, 'HOUR', 100000, 0, 'S', 25),
    (5, 4, NULL, 'Konsulenttimer', 1, 'HOUR', 70000, 0, 'S', 25);
INSERT INTO sale_stage_change (sale_id, from_stage, to_stage, changed_by, changed_at) VALUES
    (1, NULL, 'LEAD', 'anna', '2026-10-20 10:00 Europe/Oslo'),
    (1, 'LEAD', 'ORDERED', 'anna', '2026-10-31 23:30 Europe/Oslo'),
    (1, 'ORDERED', 'INVOICED', 'anna', '2026-11-02 09:00 Europe/Oslo'),
    (2, NULL, 'LEAD', 'bent', '2026-10-21 10:00 Europe/Oslo'),
    (2, 'LEAD', 'ORDERED', 'bent', '2026-11-01 00:00 Europe/Oslo'),
    (2, 'ORDERED', 'INVOICED', 'bent', '2026-11-30 09:00 Europe/Oslo'),
    (3, NULL, 'LEAD', 'anna', '2026-11-10 10:00 Europe/Oslo'),
    (3, 'LEAD', 'ORDERED', 'anna', '2026-11-15 10:00 Europe/Oslo'),
    (4, NULL, 'LEAD', 'bent', '2026-10-01 10:00 Europe/Oslo'),
    (4, 'LEAD', 'ORDERED', 'bent', '2026-10-02 10:00 Europe/Oslo'),
    (4, 'ORDERED', 'OFFERED', 'bent', '2026-11-03 10:00 Europe/Oslo'),
    (4, 'OFFERED', 'ORDERED', 'bent', '2026-11-04 10:00 Europe/Oslo');
INSERT INTO booking (placement_id, sale_id, first_day, last_day, status, created_by, created_at, changed_by, changed_at) VALUES
    (1, 1, '2026-10-31', '2026-11-01', 'CONFIRMED', 't', now(), 't', now()),
    (2, 2, '2026-11-05', '2026-11-05', 'CONFIRMED', 't', now(), 't', now());

-- Invoice 1 (2 Nov): sale 1's two lines as they were then; invoice 2 (30 Nov): sale 2; credit note 3 (30 Nov): invoice 1's line 2
INSERT INTO invoice (id, kind, company_id, status, buyer_reference, created_by, created_at, changed_by, changed_at) VALUES
    (1, 'INVOICE', 1, 'DRAFT', 'Ola', 't', now(), 't', now()),
    (2, 'INVOICE', 2, 'DRAFT', 'Kari', 't', now(), 't', now());
INSERT INTO invoice (id, kind, company_id, status, credited_invoice_id, buyer_reference, created_by, created_at, changed_by, changed_at) VALUES
    (3, 'CREDIT_NOTE', 1, 'DRAFT', 1, 'Ola', 't', now(), 't', now());
INSERT INTO invoice_line (invoice_id, line_no, sale_id, credited_line_no, description, quantity, unit_code, unit_price, discount_percent, tax_category, tax_percent) VALUES
    (1, 1, 1, NULL, 'Forside-annonse', 2, 'DAY', 100000, 0, 'S', 25),
    (1, 2, 1, NULL, 'Konsulenttimer', 1.5, 'HUR', 99999, 10, 'S', 25),
    (2, 1, 2, NULL, 'Papir side 3', 1, 'DAY', 450000, 0, 'S', 25),
    (3, 1, NULL, 2, 'Konsulenttimer', 1.5, 'HUR', 99999, 10, 'S', 25);
UPDATE invoice SET status = 'ISSUED', number = id, issue_date = '2026-11-02', due_date = '2026-11-16', kid = '0000000011',
    seller_name = 'Avisa AS', buyer_name = 'Alfa AS', net = 334999, vat = 83750, gross = 418749, ubl = '<Invoice/>' WHERE id = 1;
UPDATE invoice SET status = 'ISSUED', number = id, issue_date = '2026-11-30', due_date = '2026-12-14', kid = '0000000029',
    seller_name = 'Avisa AS', buyer_name = 'Beta AS', net = 450000, vat = 112500, gross = 562500, ubl = '<Invoice/>' WHERE id = 2;
UPDATE invoice SET status = 'ISSUED', number = id, issue_date = '2026-11-30', seller_name = 'Avisa AS', buyer_name = 'Alfa AS',
    net = 134999, vat = 33750, gross = 168749, ubl = '<CreditNote/>' WHERE id = 3;
UPDATE sale SET invoice_id = 1 WHERE id = 1;
UPDATE sale SET invoice_id = 2 WHERE id = 2;

-- Payments: 2 000.00 on 20 Nov, the rest on 1 Dec; 50.00 on 10 Nov that no invoice claims
INSERT INTO payment (invoice_id, kind, source, amount, paid_on, kid, registered_by, registered_at) VALUES
    (1, 'PAYMENT', 'MANUAL', 200000, '2026-11-20', NULL, 'mona', now()),
    (1, 'PAYMENT', 'MANUAL', 218749, '2026-12-01', NULL, 'mona', now()),
    (NULL, 'PAYMENT', 'MANUAL', 5000, '2026-11-10', '123', 'mona', now());

-- The site's November: its sections written as the site writes them ("Nett", "Papir"), the placements' channels in lower case
INSERT INTO site_statistics_import (id, lines, days, first_day, last_day, imported_by, imported_at) OVERRIDING SYSTEM VALUE
    VALUES (1, 3, 2, '2026-11-01', '2026-11-30', 'mona', now());
INSERT INTO site_statistic (day, channel, articles, page_views, import_id) VALUES
    ('2026-11-01', 'Nett', 30, 150000, 1),
    ('2026-11-30', 'Nett', 10, 50000, 1),
    ('2026-11-30', 'Papir', 10, 0, 1),
    ('2026-12-01', 'Nett', 99, 99, 1);
