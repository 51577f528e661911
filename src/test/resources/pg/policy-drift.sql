-- A healthcare schema that mostly follows its declared policy (pg/policy-drift.yaml). Lines marked DRIFT are
-- the departures a scan must report.
CREATE ROLE pd_owner NOLOGIN;
CREATE ROLE pd_app LOGIN;
CREATE ROLE pd_readers NOLOGIN;
CREATE ROLE pd_analyst LOGIN IN ROLE pd_readers VALID UNTIL '2030-01-01';
CREATE ROLE pd_audit LOGIN;                                       -- the scanner: catalogs only

CREATE SCHEMA app AUTHORIZATION pd_owner;
CREATE SCHEMA reporting AUTHORIZATION pd_owner;
SET ROLE pd_owner;
CREATE TABLE app.users (id bigserial PRIMARY KEY, email text, date_of_birth date);
CREATE TABLE app.consent_records (id bigserial PRIMARY KEY, user_id bigint, consent text);
CREATE TABLE app.subscriptions (id bigserial PRIMARY KEY, user_id bigint, plan text);
CREATE FUNCTION app.purge_user(uid bigint) RETURNS void LANGUAGE sql SECURITY DEFINER  -- DRIFT: no search_path
    AS $$ DELETE FROM app.users WHERE id = uid $$;
CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, app
    AS $$ SELECT count(*) FROM app.users $$;
RESET ROLE;

ALTER TABLE app.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.consent_records ENABLE ROW LEVEL SECURITY;
GRANT USAGE ON SCHEMA app TO pd_app, pd_readers;
GRANT SELECT, INSERT, UPDATE ON app.users, app.subscriptions TO pd_app;
GRANT SELECT, INSERT ON app.consent_records TO pd_app;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO pd_readers;
GRANT DELETE ON app.consent_records TO pd_analyst;                                   -- DRIFT: consent is append-only
ALTER DEFAULT PRIVILEGES FOR ROLE pd_owner IN SCHEMA app GRANT SELECT ON TABLES TO pd_readers;
ALTER DEFAULT PRIVILEGES FOR ROLE pd_owner IN SCHEMA reporting GRANT SELECT ON TABLES TO PUBLIC;  -- DRIFT
