-- A hand-made data set for the KPIs; the right answers are written in KpiFiguresTest.
-- Every time is Europe/Oslo. 25 October 2026 is the day summer time ends (25 hours long).
INSERT INTO staff_user (id, username, display_name, password_hash, role, team, created_at, changed_at) VALUES
    (1, 'anna', 'Anna Nord', 'x', 'SELLER', 'Nord', now(), now()),
    (2, 'bent', 'Bent Sør', 'x', 'SELLER', 'Sør', now(), now()),
    (3, 'carl', 'Carl Uten', 'x', 'MANAGER', NULL, now(), now());

INSERT INTO company (id, name, status, responsible_seller_id, created_by, created_at, changed_by, changed_at) VALUES
    (1, 'Alfa AS', 'CUSTOMER', 1, 't', now(), 't', now()),
    (2, 'Beta AS', 'CUSTOMER', 1, 't', now(), 't', now()),
    (3, 'Gamma AS', 'CUSTOMER', 2, 't', now(), 't', now()),
    (4, 'Delta AS', 'CUSTOMER', NULL, 't', now(), 't', now()),
    (5, 'Epsilon AS', 'PROSPECT', 2, 't', now(), 't', now()),
    (6, 'Zeta AS', 'PROSPECT', 1, 't', now(), 't', now());

INSERT INTO contact (id, company_id, name, unsubscribed, created_by, created_at, changed_by, changed_at) VALUES
    (1, 1, 'Ola Avmeldt', true, 't', '2026-11-15 12:00 Europe/Oslo', 't', '2026-11-15 12:00 Europe/Oslo'),
    (2, 2, 'Kari Avmeldt', true, 't', '2026-10-01 12:00 Europe/Oslo', 't', '2026-10-01 12:00 Europe/Oslo'),
    (3, 3, 'Per Påmeldt', false, 't', now(), 't', now());

INSERT INTO activity (company_id, kind, direction, occurred_at, actor, staff_user_id, subject, created_at, changed_at) VALUES
    -- Alfa: called 20 Nov, answered by mail 26 Nov, called again 27 Nov (unanswered); a note (no contact) on 29 Nov
    (1, 'PHONE_CALL', 'OUTBOUND', '2026-11-20 10:00 Europe/Oslo', 'anna', 1, 'Ring', now(), now()),
    (1, 'EMAIL', 'INBOUND', '2026-11-26 09:00 Europe/Oslo', 'anna', 1, 'Svar', now(), now()),
    (1, 'PHONE_CALL', 'OUTBOUND', '2026-11-27 10:00 Europe/Oslo', 'anna', 1, 'Ring igjen', now(), now()),
    (1, 'NOTE', 'OUTBOUND', '2026-11-29 10:00 Europe/Oslo', 'anna', 1, 'Notat', now(), now()),
    -- Beta: a meeting exactly 31 days before 30 Nov 12:00
    (2, 'MEETING', 'OUTBOUND', '2026-10-30 12:00 Europe/Oslo', 'anna', 1, 'Møte', now(), now()),
    -- Gamma: a mail 200 days before 30 Nov 12:00, and a recent note that is no contact
    (3, 'EMAIL', 'OUTBOUND', '2026-05-14 12:00 Europe/Oslo', 'bent', 2, 'Gammel e-post', now(), now()),
    (3, 'NOTE', 'INBOUND', '2026-11-28 12:00 Europe/Oslo', 'bent', 2, 'Notat', now(), now()),
    -- Epsilon: one mail a second before November, one at its first instant; the answer comes 8 days and 1 s later
    (5, 'EMAIL', 'OUTBOUND', '2026-10-31 23:59:59 Europe/Oslo', 'bent', 2, 'Før', now(), now()),
    (5, 'EMAIL', 'OUTBOUND', '2026-11-01 00:00 Europe/Oslo', 'bent', 2, 'Først', now(), now()),
    (5, 'EMAIL', 'INBOUND', '2026-11-09 00:00:01 Europe/Oslo', 'bent', 2, 'Sent svar', now(), now()),
    -- Zeta: a meeting on 26 Oct; an inbound mail on Saturday 28 Nov answered Monday 30 Nov 09:00
    (6, 'MEETING', 'OUTBOUND', '2026-10-26 09:00 Europe/Oslo', 'anna', 1, 'Møte', now(), now()),
    (6, 'EMAIL', 'INBOUND', '2026-11-28 10:00 Europe/Oslo', 'anna', 1, 'Spørsmål', now(), now()),
    (6, 'EMAIL', 'OUTBOUND', '2026-11-30 09:00 Europe/Oslo', 'anna', 1, 'Svar', now(), now());

INSERT INTO sale (id, company_id, responsible_seller_id, stage, created_by, created_at, changed_by, changed_at) VALUES
    (1, 6, 1, 'INVOICED', 'anna', '2026-10-25 00:30 Europe/Oslo', 'anna', now()),
    (2, 6, 1, 'LOST', 'anna', '2026-10-25 23:30 Europe/Oslo', 'anna', now()),
    (3, 5, 2, 'ORDERED', 'bent', '2026-10-25 12:00 Europe/Oslo', 'bent', now()),
    (4, 5, 2, 'ORDERED', 'bent', '2026-10-26 00:00 Europe/Oslo', 'bent', now()),
    (5, 5, 2, 'LEAD', 'bent', '2026-10-24 23:59 Europe/Oslo', 'bent', now());

INSERT INTO sale_stage_change (sale_id, from_stage, to_stage, reason, changed_by, changed_at) VALUES
    (1, NULL, 'LEAD', NULL, 'anna', '2026-10-25 00:30 Europe/Oslo'),
    (1, 'LEAD', 'OFFERED', NULL, 'anna', '2026-10-25 09:00 Europe/Oslo'),
    (1, 'OFFERED', 'ORDERED', NULL, 'anna', '2026-10-26 10:00 Europe/Oslo'),
    (1, 'ORDERED', 'INVOICED', NULL, 'anna', '2026-11-02 10:00 Europe/Oslo'),
    (2, NULL, 'LEAD', NULL, 'anna', '2026-10-25 23:30 Europe/Oslo'),
    (2, 'LEAD', 'OFFERED', NULL, 'anna', '2026-10-26 08:00 Europe/Oslo'),
    (2, 'OFFERED', 'LOST', 'For dyrt', 'anna', '2026-10-27 10:00 Europe/Oslo'),
    (3, NULL, 'LEAD', NULL, 'bent', '2026-10-25 12:00 Europe/Oslo'),
    (3, 'LEAD', 'ORDERED', NULL, 'bent', '2026-10-25 13:00 Europe/Oslo'),
    (4, NULL, 'LEAD', NULL, 'bent', '2026-10-26 00:00 Europe/Oslo'),
    (4, 'LEAD', 'ORDERED', NULL, 'bent', '2026-10-26 01:00 Europe/Oslo'),
    (5, NULL, 'LEAD', NULL, 'bent', '2026-10-24 23:59 Europe/Oslo');

-- A mail-out in September: Ola (twice) and Kari; Ola answers in two days, Kari in nineteen
INSERT INTO activity (company_id, contact_id, kind, direction, occurred_at, actor, staff_user_id, subject, campaign, created_at, changed_at) VALUES
    (1, 1, 'EMAIL', 'OUTBOUND', '2026-09-01 09:00 Europe/Oslo', 'anna', 1, 'Høsttilbud', 'Høstkampanje', now(), now()),
    (1, 1, 'EMAIL', 'OUTBOUND', '2026-09-02 09:00 Europe/Oslo', 'anna', 1, 'Påminnelse', 'Høstkampanje', now(), now()),
    (2, 2, 'EMAIL', 'OUTBOUND', '2026-09-01 09:00 Europe/Oslo', 'anna', 1, 'Høsttilbud', 'Høstkampanje', now(), now());
INSERT INTO activity (company_id, contact_id, kind, direction, occurred_at, actor, staff_user_id, subject, created_at, changed_at) VALUES
    (1, 1, 'EMAIL', 'INBOUND', '2026-09-03 09:00 Europe/Oslo', 'anna', 1, 'Ja takk', now(), now()),
    (2, 2, 'EMAIL', 'INBOUND', '2026-09-20 09:00 Europe/Oslo', 'anna', 1, 'Sent svar', now(), now());
