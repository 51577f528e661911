-- A reference healthcare backend: hc_owner owns everything, hc_app is the application, hc_readers is the
-- analysts' group. Lines marked WRONG are the mistakes the audit must surface.
CREATE ROLE hc_owner NOLOGIN;
CREATE ROLE hc_app LOGIN;
CREATE ROLE hc_readers NOLOGIN;
CREATE ROLE hc_analyst LOGIN IN ROLE hc_readers;
CREATE ROLE hc_intern LOGIN NOINHERIT IN ROLE hc_readers;        -- NOINHERIT: nothing through hc_readers
CREATE ROLE hc_ops LOGIN IN ROLE hc_owner;                       -- WRONG: can act as the owner
CREATE ROLE hc_audit LOGIN;                                      -- the scanner: no privilege on user tables
CREATE ROLE hc_admin SUPERUSER NOLOGIN;

CREATE SCHEMA app AUTHORIZATION hc_owner;
CREATE SCHEMA reporting AUTHORIZATION hc_owner;
SET ROLE hc_owner;
CREATE TABLE app.users (id bigserial PRIMARY KEY, email text NOT NULL, ssn text, created_at timestamptz);
CREATE TABLE app.consent_records (id bigserial PRIMARY KEY, user_id bigint REFERENCES app.users, consent text,
                                  signed_at timestamptz);
CREATE TABLE app.subscriptions (id bigserial PRIMARY KEY, user_id bigint REFERENCES app.users, plan text);
CREATE TABLE app.payments (id bigserial PRIMARY KEY, user_id bigint REFERENCES app.users, amount numeric,
                           card_last4 text);
CREATE TABLE app.chat_options (id bigserial PRIMARY KEY, user_id bigint REFERENCES app.users, options jsonb);
CREATE VIEW app.active_users AS SELECT id, email FROM app.users;
CREATE TABLE reporting.monthly (month date, active bigint);
CREATE FUNCTION app.purge_user(uid bigint) RETURNS void LANGUAGE sql SECURITY DEFINER  -- WRONG: no search_path
    AS $$ DELETE FROM app.users WHERE id = uid $$;
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, app
    AS $$ SELECT count(*) FROM app.users $$;
RESET ROLE;

COMMENT ON TABLE app.users IS 'phi';
ALTER TABLE app.consent_records ENABLE ROW LEVEL SECURITY;
GRANT USAGE ON SCHEMA app TO hc_app, hc_readers;
GRANT SELECT, INSERT, UPDATE ON app.users, app.subscriptions, app.payments, app.chat_options TO hc_app;
GRANT SELECT, INSERT ON app.consent_records TO hc_app;
GRANT DELETE ON app.consent_records TO hc_app;                   -- WRONG: consent is append-only
GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO hc_app;
GRANT SELECT ON app.subscriptions, app.chat_options TO hc_readers;
GRANT SELECT (id, created_at) ON app.users TO hc_readers;
GRANT SELECT ON app.payments TO PUBLIC;                          -- WRONG: PHI readable by every role
GRANT SELECT ON reporting.monthly TO hc_analyst;                 -- no USAGE on reporting: not usable
REVOKE EXECUTE ON FUNCTION app.purge_user(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.purge_user(bigint) TO hc_app;
ALTER DEFAULT PRIVILEGES FOR ROLE hc_owner IN SCHEMA app GRANT SELECT ON TABLES TO hc_readers;
ALTER DEFAULT PRIVILEGES FOR ROLE hc_owner GRANT ALL ON TABLES TO PUBLIC;   -- WRONG
