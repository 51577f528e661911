-- The demo database: the healthapp schema as its migrations leave it in production, seeded into an embedded
-- PostgreSQL by scripts/demo.sh. No rows are inserted: hipaa-audit reads catalogs only.
-- Roles: healthapp_owner runs the migrations and owns every object; healthapp_app is the application (least
-- privilege, declared in hipaa-audit.yaml under databases.policy); healthapp_analyst is the read-only analyst;
-- hipaa_audit is the scanner. Lines marked DRIFT are the documented departures the scan must report
-- (docs/demo.md).

CREATE ROLE healthapp_owner LOGIN NOINHERIT;
CREATE ROLE healthapp_app LOGIN CONNECTION LIMIT 50;
CREATE ROLE healthapp_readonly NOLOGIN;
CREATE ROLE healthapp_analyst LOGIN IN ROLE healthapp_readonly VALID UNTIL '2027-06-30';
CREATE ROLE hipaa_audit LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 2;
-- (its password is set by the demo at start, a fresh random one each run)
ALTER ROLE hipaa_audit SET default_transaction_read_only = on;

REVOKE ALL ON DATABASE healthapp FROM PUBLIC;
GRANT CONNECT ON DATABASE healthapp TO healthapp_owner, healthapp_app, healthapp_analyst, hipaa_audit;
GRANT CREATE ON DATABASE healthapp TO healthapp_owner;

CREATE SCHEMA app AUTHORIZATION healthapp_owner;
CREATE SCHEMA reporting AUTHORIZATION healthapp_owner;

SET ROLE healthapp_owner;

CREATE TYPE app.consent_status AS ENUM ('granted', 'withdrawn', 'expired');
CREATE TYPE app.subscription_plan AS ENUM ('free', 'basic', 'premium');
CREATE TYPE app.subscription_status AS ENUM ('trialing', 'active', 'past_due', 'canceled');
CREATE TYPE app.payment_status AS ENUM ('pending', 'succeeded', 'failed', 'refunded');

CREATE TABLE app.users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text NOT NULL,
    full_name       text NOT NULL,
    date_of_birth   date,
    phone           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX users_email_key ON app.users (lower(email)) WHERE deleted_at IS NULL;
COMMENT ON TABLE app.users IS 'PHI: patient identity and contact details';

CREATE TABLE app.consent_records (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES app.users (id),
    purpose         text NOT NULL,
    status          app.consent_status NOT NULL,
    document_sha256 bytea NOT NULL,
    signed_at       timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_records_user_idx ON app.consent_records (user_id, signed_at DESC);
COMMENT ON TABLE app.consent_records IS 'PHI: consent to treatment and data use; append-only';

CREATE TABLE app.subscriptions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES app.users (id),
    plan            app.subscription_plan NOT NULL,
    status          app.subscription_status NOT NULL,
    current_period_end timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_user_idx ON app.subscriptions (user_id);
CREATE INDEX subscriptions_renewal_idx ON app.subscriptions (current_period_end) WHERE status = 'active';

CREATE TABLE app.payments (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id bigint NOT NULL REFERENCES app.subscriptions (id),
    amount_cents    integer NOT NULL CHECK (amount_cents >= 0),
    currency        char(3) NOT NULL DEFAULT 'USD',
    status          app.payment_status NOT NULL,
    processor_ref   text NOT NULL,
    card_last4      char(4),
    paid_at         timestamptz
);
CREATE INDEX payments_subscription_idx ON app.payments (subscription_id);
CREATE UNIQUE INDEX payments_processor_ref_key ON app.payments (processor_ref);

CREATE TABLE app.chat_options (
    user_id         bigint PRIMARY KEY REFERENCES app.users (id),
    allow_clinician_chat boolean NOT NULL DEFAULT true,
    notify_by_sms   boolean NOT NULL DEFAULT false,
    quiet_hours     int4range,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reporting.monthly_active_users (month date PRIMARY KEY, active bigint NOT NULL);

-- row-level security on the PHI tables: the application sees every row, everyone else only what a policy allows
ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.consent_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_all ON app.users TO healthapp_app USING (true) WITH CHECK (true);
CREATE POLICY app_all ON app.consent_records TO healthapp_app USING (true) WITH CHECK (true);
CREATE POLICY analyst_active ON app.users TO healthapp_readonly USING (deleted_at IS NULL);
CREATE POLICY analyst_all ON app.consent_records TO healthapp_readonly USING (true);

-- counts for the dashboard, callable by the application: a definer function done right (its search_path pinned,
-- and owned by the read-only role below, so it runs with no right to change PHI)
CREATE FUNCTION app.active_user_count() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
    AS $$ SELECT count(*) FROM app.users WHERE deleted_at IS NULL $$;
-- DRIFT: a SECURITY DEFINER function without its own search_path (a caller's schema can shadow app objects), run
-- as the owner of the PHI tables and callable by the application: a way to write PHI with the owner's rights
CREATE FUNCTION app.anonymize_user(uid bigint) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    AS $$ UPDATE app.users SET email = 'deleted-' || id || '@invalid', full_name = '', phone = NULL,
          date_of_birth = NULL, deleted_at = now() WHERE id = uid $$;

RESET ROLE;
ALTER FUNCTION app.active_user_count() OWNER TO healthapp_readonly;

-- the application: read and write its tables, consent is append-only, nothing else
GRANT USAGE ON SCHEMA app TO healthapp_app, healthapp_readonly;
GRANT SELECT, INSERT, UPDATE ON app.users, app.subscriptions, app.payments, app.chat_options TO healthapp_app;
GRANT SELECT, INSERT ON app.consent_records TO healthapp_app;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.active_user_count(), app.anonymize_user(bigint) TO healthapp_app;

-- the analysts: read-only
GRANT SELECT ON ALL TABLES IN SCHEMA app TO healthapp_readonly;
GRANT USAGE ON SCHEMA reporting TO healthapp_readonly;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO healthapp_readonly;
ALTER DEFAULT PRIVILEGES FOR ROLE healthapp_owner IN SCHEMA app GRANT SELECT ON TABLES TO healthapp_readonly;
-- DRIFT: a one-off data fix left the analyst able to delete consent records
GRANT DELETE ON app.consent_records TO healthapp_analyst;
-- DRIFT: every future reporting table readable by every role
ALTER DEFAULT PRIVILEGES FOR ROLE healthapp_owner IN SCHEMA reporting GRANT SELECT ON TABLES TO PUBLIC;

-- what exists of pgaudit-style logging in a server without the pgaudit library
ALTER DATABASE healthapp SET log_statement = 'ddl';
