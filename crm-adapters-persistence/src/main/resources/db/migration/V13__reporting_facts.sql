-- The facts the reports and KPIs read (docs/decisions/reports.md, docs/decisions/kpi-summaries.md).

-- A sale keeps its responsible seller's team as it was when the sale was opened, so moving
-- a user to another team does not rewrite last year's figures.
ALTER TABLE sale ADD COLUMN team text CHECK (length(team) BETWEEN 1 AND 100);
UPDATE sale s SET team = u.team FROM staff_user u WHERE u.id = s.responsible_seller_id;

CREATE FUNCTION record_sale_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.team IS NULL AND NEW.responsible_seller_id IS NOT NULL THEN
        SELECT team INTO NEW.team FROM staff_user WHERE id = NEW.responsible_seller_id;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER sale_team_at_opening BEFORE INSERT ON sale FOR EACH ROW EXECUTE FUNCTION record_sale_team();

-- A mail-out is a set of outbound activities tagged with the same campaign.
ALTER TABLE activity ADD COLUMN campaign text CHECK (length(campaign) BETWEEN 1 AND 100);
CREATE INDEX activity_campaign ON activity (campaign, company_id) WHERE campaign IS NOT NULL;
-- The KPIs scan a period's activities in time order.
CREATE INDEX activity_occurred ON activity (occurred_at);

-- When a contact unsubscribed: set the first time the flag turns on, cleared when it turns off.
ALTER TABLE contact ADD COLUMN unsubscribed_at timestamptz;
UPDATE contact SET unsubscribed_at = changed_at WHERE unsubscribed;
ALTER TABLE contact ADD CHECK (unsubscribed = (unsubscribed_at IS NOT NULL));
-- the unsubscribed are few: the engagement KPI counts them from this index alone
CREATE INDEX contact_unsubscribed ON contact (unsubscribed_at) WHERE unsubscribed AND NOT forgotten;

CREATE FUNCTION record_unsubscription() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT NEW.unsubscribed THEN
        NEW.unsubscribed_at := NULL;
    ELSIF TG_OP = 'INSERT' OR NOT OLD.unsubscribed THEN
        NEW.unsubscribed_at := NEW.changed_at;
    ELSE
        NEW.unsubscribed_at := OLD.unsubscribed_at;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER contact_unsubscribed_at BEFORE INSERT OR UPDATE ON contact
    FOR EACH ROW EXECUTE FUNCTION record_unsubscription();

-- Per company, its status and responsible seller (copied from the company row) and its last
-- contact, last inbound and last outbound activity, kept in the same transaction as every
-- company and activity written: freshness reads one narrow row per company instead of ten
-- million activities and a million companies. Notes and prospect registrations are no
-- contact. A write locks the company row, then its summary row, before the audit head
-- (docs/architecture.md#lock-order).
CREATE TABLE company_contact_summary (
    company_id            bigint PRIMARY KEY REFERENCES company (id),
    status                text   NOT NULL,
    responsible_seller_id bigint,
    last_contact_at       timestamptz,
    last_inbound_at       timestamptz,
    last_outbound_at      timestamptz,
    activities            bigint NOT NULL CHECK (activities >= 0)
);
-- the customers silent longest, and every customer's band, by status first
CREATE INDEX company_contact_summary_silence ON company_contact_summary (status, last_contact_at NULLS FIRST, company_id)
    INCLUDE (responsible_seller_id);

CREATE FUNCTION is_contact(kind text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT kind NOT IN ('NOTE', 'PROSPECT_REGISTERED')
$$;

CREATE FUNCTION keep_company_in_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO company_contact_summary (company_id, status, responsible_seller_id, activities)
    VALUES (NEW.id, NEW.status, NEW.responsible_seller_id, 0)
    ON CONFLICT (company_id) DO UPDATE SET status = EXCLUDED.status, responsible_seller_id = EXCLUDED.responsible_seller_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER company_contact_summary AFTER INSERT OR UPDATE OF status, responsible_seller_id ON company
    FOR EACH ROW EXECUTE FUNCTION keep_company_in_summary();

-- An activity is a fact: when, with whom and which way it happened never changes, and it is
-- never deleted (a forgotten person's text is scrubbed, not the row). That keeps every fact
-- derived from it below true without counting anything again.
CREATE FUNCTION refuse_activity_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR (NEW.company_id, NEW.kind, NEW.direction, NEW.occurred_at, NEW.staff_user_id)
                           IS DISTINCT FROM (OLD.company_id, OLD.kind, OLD.direction, OLD.occurred_at, OLD.staff_user_id) THEN
        RAISE EXCEPTION 'activity %: when, with whom and which way it happened are kept as logged (% refused)', OLD.id, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER activity_kept BEFORE UPDATE OR DELETE ON activity FOR EACH ROW EXECUTE FUNCTION refuse_activity_rewrite();

-- Each contact knows its reply: the next contact the other way on the same company within 90
-- days (an inbound one's answer, an outbound one's response), and who made it. Response
-- times and the share answered then read one period of activities, without pairing them.
-- A contact written later (or back-dated) both finds its own reply and becomes the reply of
-- the earlier contacts it answers first. Both happen under the company row's lock, taken
-- before anything is read: two contacts of one company are written one after the other, and
-- each sees the other (READ COMMITTED: each statement after the lock reads anew).
ALTER TABLE activity ADD COLUMN next_reply_at timestamptz, ADD COLUMN next_reply_by bigint;

CREATE FUNCTION find_activity_reply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.next_reply_at := NULL;
    NEW.next_reply_by := NULL;
    -- the parent before the child: the company row, as a change of the company takes it
    -- before its trigger reaches the summary; a key-share lock would let a change of the
    -- company and a contact each hold one row and wait for the other
    PERFORM 1 FROM company WHERE id = NEW.company_id FOR NO KEY UPDATE;
    IF is_contact(NEW.kind) THEN
        SELECT r.occurred_at, r.staff_user_id INTO NEW.next_reply_at, NEW.next_reply_by FROM activity r
        WHERE r.company_id = NEW.company_id AND r.direction <> NEW.direction AND is_contact(r.kind)
          AND r.occurred_at > NEW.occurred_at AND r.occurred_at <= NEW.occurred_at + interval '90 days'
        ORDER BY r.occurred_at, r.id LIMIT 1;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER activity_reply BEFORE INSERT ON activity FOR EACH ROW EXECUTE FUNCTION find_activity_reply();

-- After the insert: the summary, and the earlier contacts this one answers first.
CREATE FUNCTION keep_contact_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE company_contact_summary s SET
        last_contact_at = CASE WHEN is_contact(NEW.kind) THEN greatest(s.last_contact_at, NEW.occurred_at) ELSE s.last_contact_at END,
        last_inbound_at = CASE WHEN is_contact(NEW.kind) AND NEW.direction = 'INBOUND'
                               THEN greatest(s.last_inbound_at, NEW.occurred_at) ELSE s.last_inbound_at END,
        last_outbound_at = CASE WHEN is_contact(NEW.kind) AND NEW.direction = 'OUTBOUND'
                                THEN greatest(s.last_outbound_at, NEW.occurred_at) ELSE s.last_outbound_at END,
        activities = s.activities + 1
    WHERE s.company_id = NEW.company_id;
    IF is_contact(NEW.kind) THEN
        UPDATE activity a SET next_reply_at = NEW.occurred_at, next_reply_by = NEW.staff_user_id
        WHERE a.company_id = NEW.company_id AND a.direction <> NEW.direction AND is_contact(a.kind)
          AND a.occurred_at < NEW.occurred_at AND a.occurred_at >= NEW.occurred_at - interval '90 days'
          AND (a.next_reply_at IS NULL OR a.next_reply_at > NEW.occurred_at);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER activity_contact_summary AFTER INSERT ON activity FOR EACH ROW EXECUTE FUNCTION keep_contact_summary();

-- The replies of the activities already logged: for each contact, the first contact the other
-- way on its company within 90 days after it (the earliest; at the same instant, the lowest id).
UPDATE activity a SET next_reply_at = r.occurred_at, next_reply_by = r.staff_user_id
FROM (SELECT x.id, (CASE WHEN x.direction = 'INBOUND' THEN x.next_outbound ELSE x.next_inbound END)[2]::bigint AS reply_id
      FROM (SELECT c.id, c.direction,
                   min(ARRAY[extract(epoch FROM c.occurred_at), c.id]) FILTER (WHERE c.direction = 'INBOUND') OVER later AS next_inbound,
                   min(ARRAY[extract(epoch FROM c.occurred_at), c.id]) FILTER (WHERE c.direction = 'OUTBOUND') OVER later AS next_outbound
            FROM activity c WHERE is_contact(c.kind)
            WINDOW later AS (PARTITION BY c.company_id ORDER BY c.occurred_at DESC, c.id DESC
                             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) x) p
JOIN activity r ON r.id = p.reply_id
WHERE a.id = p.id AND r.occurred_at <= a.occurred_at + interval '90 days' AND r.occurred_at > a.occurred_at;

INSERT INTO company_contact_summary (company_id, status, responsible_seller_id, last_contact_at, last_inbound_at, last_outbound_at, activities)
SELECT c.id, c.status, c.responsible_seller_id, a.last_contact_at, a.last_inbound_at, a.last_outbound_at, coalesce(a.activities, 0)
FROM company c LEFT JOIN (
    SELECT company_id,
           max(occurred_at) FILTER (WHERE is_contact(kind)) AS last_contact_at,
           max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'INBOUND') AS last_inbound_at,
           max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'OUTBOUND') AS last_outbound_at,
           count(*) AS activities
    FROM activity GROUP BY company_id) a ON a.company_id = c.id;


-- A sale's net (its lines', as the domain computes a line: half-up to the øre), kept by its
-- lines' trigger in their transaction: the ordered figures read one row per sale, not its lines.
ALTER TABLE sale ADD COLUMN net bigint NOT NULL DEFAULT 0;

-- A line's net as the domain computes it (Amounts.lineNet): quantity × unit price × (1 − discount),
-- half-up to whole øre (amounts are never negative, where round() is half-up). The one SQL
-- spelling of the rule: the reports and this trigger use it.
CREATE FUNCTION line_net(quantity numeric, unit_price bigint, discount_percent numeric) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT round(quantity * unit_price * (100 - discount_percent) / 100)::bigint
$$;

-- The sale row is locked first and only then are its lines summed (a new statement, so a new
-- snapshot under READ COMMITTED): a line another transaction committed while this one waited
-- is counted, never lost.
CREATE FUNCTION keep_sale_net() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.sale_id ELSE NEW.sale_id END;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.sale_id <> NEW.sale_id THEN
        PERFORM 1 FROM sale WHERE id IN (OLD.sale_id, NEW.sale_id) ORDER BY id FOR UPDATE;
        UPDATE sale s SET net = (SELECT coalesce(sum(line_net(l.quantity, l.unit_price, l.discount_percent)), 0)
                                 FROM sale_line l WHERE l.sale_id = OLD.sale_id) WHERE s.id = OLD.sale_id;
    ELSE
        PERFORM 1 FROM sale WHERE id = changed FOR UPDATE;
    END IF;
    UPDATE sale s SET net = (SELECT coalesce(sum(line_net(l.quantity, l.unit_price, l.discount_percent)), 0)
                             FROM sale_line l WHERE l.sale_id = changed) WHERE s.id = changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER sale_net AFTER INSERT OR UPDATE OR DELETE ON sale_line FOR EACH ROW EXECUTE FUNCTION keep_sale_net();

UPDATE sale s SET net = l.net FROM (SELECT sale_id, sum(line_net(quantity, unit_price, discount_percent)) AS net
                                    FROM sale_line GROUP BY sale_id) l WHERE s.id = l.sale_id;

-- A sale keeps the furthest stage it ever reached (LEAD 1, OFFERED 2, ORDERED 3, INVOICED 4)
-- and whether it was ever lost or cancelled, raised by each stage change in its transaction:
-- conversion and the funnel read the period's new sales and nothing of their history.
ALTER TABLE sale ADD COLUMN furthest_stage smallint NOT NULL DEFAULT 1 CHECK (furthest_stage BETWEEN 1 AND 4),
    ADD COLUMN ever_lost boolean NOT NULL DEFAULT false, ADD COLUMN ever_cancelled boolean NOT NULL DEFAULT false;

CREATE FUNCTION stage_rank(stage text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE stage WHEN 'OFFERED' THEN 2 WHEN 'ORDERED' THEN 3 WHEN 'INVOICED' THEN 4 ELSE 1 END::smallint
$$;

CREATE FUNCTION keep_sale_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE sale s SET furthest_stage = greatest(s.furthest_stage, stage_rank(NEW.to_stage)),
        ever_lost = s.ever_lost OR NEW.to_stage = 'LOST', ever_cancelled = s.ever_cancelled OR NEW.to_stage = 'CANCELLED'
    WHERE s.id = NEW.sale_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER sale_progress AFTER INSERT ON sale_stage_change FOR EACH ROW EXECUTE FUNCTION keep_sale_progress();

UPDATE sale s SET furthest_stage = h.furthest, ever_lost = h.lost, ever_cancelled = h.cancelled
FROM (SELECT sale_id, max(stage_rank(to_stage)) AS furthest, bool_or(to_stage = 'LOST') AS lost, bool_or(to_stage = 'CANCELLED') AS cancelled
      FROM sale_stage_change GROUP BY sale_id) h WHERE s.id = h.sale_id;
CREATE INDEX sale_opened ON sale (created_at) INCLUDE (team, responsible_seller_id, furthest_stage, ever_lost, ever_cancelled);

-- A stage change keeps what was true when it happened: the sale's team, whether it is the
-- sale's first order (ordered revenue counts a sale once), and, when the sale is won (ordered)
-- or lost, how many activities its company had from the sale's opening until then.
ALTER TABLE sale_stage_change ADD COLUMN team text, ADD COLUMN first_order boolean NOT NULL DEFAULT false,
    ADD COLUMN activities_since_open bigint;

CREATE FUNCTION record_stage_facts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    opened sale;
BEGIN
    -- the sale first (the use cases lock it already): two changes of one sale are made one after
    -- the other, so only one of them can be its first order
    SELECT * INTO opened FROM sale WHERE id = NEW.sale_id FOR UPDATE;
    NEW.team := opened.team;
    NEW.first_order := NEW.to_stage = 'ORDERED' AND NOT EXISTS (
        SELECT 1 FROM sale_stage_change e WHERE e.sale_id = NEW.sale_id AND e.to_stage = 'ORDERED');
    NEW.activities_since_open := CASE WHEN NEW.to_stage IN ('ORDERED', 'LOST') THEN (
        SELECT count(*) FROM activity a WHERE a.company_id = opened.company_id
          AND a.occurred_at >= opened.created_at AND a.occurred_at <= NEW.changed_at) END;
    RETURN NEW;
END;
$$;
CREATE TRIGGER sale_stage_facts BEFORE INSERT ON sale_stage_change FOR EACH ROW EXECUTE FUNCTION record_stage_facts();

-- the facts of the stage changes already made (the history is append-only: its guard steps aside for this once)
ALTER TABLE sale_stage_change DISABLE TRIGGER sale_stage_change_append_only;
UPDATE sale_stage_change h SET team = s.team FROM sale s WHERE s.id = h.sale_id;
UPDATE sale_stage_change h SET first_order = true
WHERE h.id IN (SELECT DISTINCT ON (sale_id) id FROM sale_stage_change WHERE to_stage = 'ORDERED' ORDER BY sale_id, changed_at, id);
UPDATE sale_stage_change h SET activities_since_open = (SELECT count(*) FROM activity a JOIN sale s ON a.company_id = s.company_id
    WHERE s.id = h.sale_id AND a.occurred_at >= s.created_at AND a.occurred_at <= h.changed_at)
WHERE h.to_stage IN ('ORDERED', 'LOST');
ALTER TABLE sale_stage_change ENABLE TRIGGER sale_stage_change_append_only;
CREATE INDEX sale_stage_change_first_order ON sale_stage_change (changed_at) INCLUDE (sale_id) WHERE first_order;
CREATE INDEX sale_stage_change_closing ON sale_stage_change (changed_at) WHERE first_order OR to_stage = 'LOST';

-- Reports select a period's documents, payments and stage changes.
CREATE INDEX invoice_issue_date ON invoice (issue_date) WHERE status <> 'DRAFT';
CREATE INDEX payment_paid_on ON payment (paid_on);
CREATE INDEX sale_stage_change_stage ON sale_stage_change (to_stage, changed_at);

-- The summary is written by the trigger, as the application's role; nobody edits it by hand.
GRANT SELECT, INSERT, UPDATE ON company_contact_summary TO ${appRole};
