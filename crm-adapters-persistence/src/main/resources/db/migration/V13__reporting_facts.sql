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

-- Per company, its last contact, last inbound and last outbound activity, kept in the
-- same transaction as every activity written: freshness reads one row per company
-- instead of ten million activities. Notes and prospect registrations are no contact.
-- Each write locks the company's summary row after the activity row and before the
-- audit head (docs/architecture.md#lock-order).
CREATE TABLE company_contact_summary (
    company_id       bigint PRIMARY KEY REFERENCES company (id),
    last_contact_at  timestamptz,
    last_inbound_at  timestamptz,
    last_outbound_at timestamptz,
    activities       bigint NOT NULL CHECK (activities >= 0)
);

CREATE FUNCTION is_contact(kind text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT kind NOT IN ('NOTE', 'PROSPECT_REGISTERED')
$$;

-- A move or a delete counts the company again. It locks the summary row first and only then
-- reads the activities (a new statement, so a new snapshot under READ COMMITTED): a write
-- that committed while it waited for the lock is counted, never lost.
CREATE FUNCTION recount_contact_summary(company bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO company_contact_summary (company_id, activities) VALUES (company, 0) ON CONFLICT (company_id) DO NOTHING;
    PERFORM 1 FROM company_contact_summary WHERE company_id = company FOR UPDATE;
    UPDATE company_contact_summary s SET last_contact_at = x.last_contact_at, last_inbound_at = x.last_inbound_at,
        last_outbound_at = x.last_outbound_at, activities = x.activities
    FROM (SELECT max(occurred_at) FILTER (WHERE is_contact(kind)) AS last_contact_at,
                 max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'INBOUND') AS last_inbound_at,
                 max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'OUTBOUND') AS last_outbound_at,
                 count(*) AS activities
          FROM activity WHERE company_id = company) x
    WHERE s.company_id = company;
END;
$$;

CREATE FUNCTION keep_contact_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO company_contact_summary AS s (company_id, last_contact_at, last_inbound_at, last_outbound_at, activities)
        VALUES (NEW.company_id,
                CASE WHEN is_contact(NEW.kind) THEN NEW.occurred_at END,
                CASE WHEN is_contact(NEW.kind) AND NEW.direction = 'INBOUND' THEN NEW.occurred_at END,
                CASE WHEN is_contact(NEW.kind) AND NEW.direction = 'OUTBOUND' THEN NEW.occurred_at END,
                1)
        ON CONFLICT (company_id) DO UPDATE SET
            last_contact_at = greatest(s.last_contact_at, EXCLUDED.last_contact_at),
            last_inbound_at = greatest(s.last_inbound_at, EXCLUDED.last_inbound_at),
            last_outbound_at = greatest(s.last_outbound_at, EXCLUDED.last_outbound_at),
            activities = s.activities + 1;
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' OR (NEW.company_id, NEW.kind, NEW.direction, NEW.occurred_at)
                           IS DISTINCT FROM (OLD.company_id, OLD.kind, OLD.direction, OLD.occurred_at) THEN
        PERFORM recount_contact_summary(OLD.company_id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.company_id <> OLD.company_id THEN
        PERFORM recount_contact_summary(NEW.company_id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER activity_contact_summary AFTER INSERT OR UPDATE OR DELETE ON activity
    FOR EACH ROW EXECUTE FUNCTION keep_contact_summary();

INSERT INTO company_contact_summary (company_id, last_contact_at, last_inbound_at, last_outbound_at, activities)
SELECT company_id,
       max(occurred_at) FILTER (WHERE is_contact(kind)),
       max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'INBOUND'),
       max(occurred_at) FILTER (WHERE is_contact(kind) AND direction = 'OUTBOUND'),
       count(*)
FROM activity GROUP BY company_id;

-- Reports select a period's documents, payments and stage changes.
CREATE INDEX invoice_issue_date ON invoice (issue_date) WHERE status <> 'DRAFT';
CREATE INDEX payment_paid_on ON payment (paid_on);
CREATE INDEX sale_stage_change_stage ON sale_stage_change (to_stage, changed_at);

-- The summary is written by the trigger, as the application's role; nobody edits it by hand.
GRANT SELECT, INSERT, UPDATE ON company_contact_summary TO ${appRole};
