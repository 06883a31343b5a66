-- V17: the ad server's statistics per booking and day (docs/decisions/ad-statistics.md).

-- Where the ad server's figures belong: a placement is one of its zones, a booking one of its
-- banners (or campaigns). A zone's row for a day is the booking of that placement on that day
-- (a placement is never booked twice for a day); a banner's row is its booking's.
ALTER TABLE placement ADD COLUMN ad_zone_id text CHECK (ad_zone_id ~ '^[1-9][0-9]{0,17}$');
CREATE UNIQUE INDEX placement_ad_zone ON placement (ad_zone_id) WHERE ad_zone_id IS NOT NULL;
ALTER TABLE booking ADD COLUMN ad_banner_id text CHECK (ad_banner_id ~ '^[1-9][0-9]{0,17}$');
CREATE UNIQUE INDEX booking_ad_banner ON booking (ad_banner_id) WHERE ad_banner_id IS NOT NULL AND status <> 'CANCELLED';

-- One import of a file, written when it starts (RUNNING) and finished in the transaction that
-- writes its figures (DONE, with what it counted and what it did not), or FAILED with the reason.
CREATE TABLE ad_statistics_import (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status      text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    key_kind    text        NOT NULL CHECK (key_kind IN ('BANNER', 'ZONE')),
    lines       integer     NOT NULL CHECK (lines >= 0),
    first_day   date        NOT NULL,
    last_day    date        NOT NULL,
    counted     integer CHECK (counted >= 0),
    unmatched   integer CHECK (unmatched >= 0),
    outside     integer CHECK (outside >= 0),
    error       text,
    imported_by text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    CHECK (first_day <= last_day),
    CHECK ((status = 'DONE') = (counted IS NOT NULL))
);

-- The rows an import did not count, reported back: no booking has the banner or zone on that
-- day (UNMATCHED), or the booking does not run on that day (OUTSIDE).
CREATE TABLE ad_statistics_import_issue (
    import_id   bigint  NOT NULL REFERENCES ad_statistics_import (id),
    issue       text    NOT NULL CHECK (issue IN ('UNMATCHED', 'OUTSIDE')),
    ad_key      text    NOT NULL,
    day         date    NOT NULL,
    booking_id  bigint REFERENCES booking (id),
    impressions bigint  NOT NULL,
    clicks      bigint  NOT NULL
);
CREATE INDEX ad_statistics_import_issue_import ON ad_statistics_import_issue (import_id);

-- Impressions and clicks of one booking on one day; a day imported again replaces the figures.
CREATE TABLE ad_statistic (
    booking_id  bigint  NOT NULL REFERENCES booking (id),
    day         date    NOT NULL,
    impressions bigint  NOT NULL CHECK (impressions >= 0),
    clicks      bigint  NOT NULL CHECK (clicks >= 0),
    import_id   bigint  NOT NULL REFERENCES ad_statistics_import (id),
    PRIMARY KEY (booking_id, day)
);
CREATE INDEX ad_statistic_day ON ad_statistic (day);

GRANT UPDATE (ad_zone_id) ON placement TO ${appRole};
GRANT UPDATE (ad_banner_id) ON booking TO ${appRole};
GRANT SELECT, INSERT ON ad_statistics_import TO ${appRole};
GRANT UPDATE (status, counted, unmatched, outside, error, finished_at) ON ad_statistics_import TO ${appRole};
GRANT SELECT, INSERT ON ad_statistics_import_issue TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ad_statistic TO ${appRole};
