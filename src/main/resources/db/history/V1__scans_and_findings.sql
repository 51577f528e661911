-- Scan history: every scan and every finding it produced. A finding's identity (rule + resource) is shared by
-- all scans, so one resource's verdicts can be followed over time. Kept six years by default (HIPAA
-- documentation retention, 45 CFR 164.316(b)(2)); only `hipaa-audit history prune` deletes.

CREATE TABLE scan (
    id               BIGSERIAL   PRIMARY KEY,
    scan_id          TEXT        NOT NULL,          -- findings.json scan.id (same input, same id)
    recorded_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    tool_version     TEXT        NOT NULL,
    environment      TEXT        NOT NULL,
    accounts         TEXT[]      NOT NULL,
    regions          TEXT[]      NOT NULL,
    inventory_sha256 TEXT        NOT NULL,
    rule_pack_sha256 TEXT        NOT NULL,
    counts           JSONB       NOT NULL
);

CREATE INDEX scan_recorded_at ON scan (recorded_at);

CREATE TABLE finding_identity (
    id            BIGSERIAL PRIMARY KEY,
    rule_id       TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    account       TEXT NOT NULL,
    region        TEXT NOT NULL,
    UNIQUE (rule_id, resource_type, resource_id, account, region)
);

CREATE TABLE finding (
    id       BIGSERIAL PRIMARY KEY,
    scan     BIGINT NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    identity BIGINT NOT NULL REFERENCES finding_identity (id),
    status   TEXT   NOT NULL CHECK (status IN ('PASS', 'FAIL', 'NOT_APPLICABLE', 'NOT_ASSESSED', 'WAIVED')),
    severity TEXT   NOT NULL,
    title    TEXT   NOT NULL,
    message  TEXT   NOT NULL,
    evidence JSONB  NOT NULL,
    waiver   JSONB
);

CREATE INDEX finding_scan ON finding (scan);
CREATE INDEX finding_identity_scan ON finding (identity, scan);
