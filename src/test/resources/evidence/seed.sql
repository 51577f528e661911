-- A small catalog for the evidence bundle tests: an owner, an application role with a per-role setting, a
-- login with an expiry, a SECURITY DEFINER function with proconfig, and one catalog the audit role may not read.
CREATE ROLE ev_owner NOLOGIN;
CREATE ROLE ev_app LOGIN;
CREATE ROLE ev_temp LOGIN VALID UNTIL '2031-05-01 12:00:00+00';
CREATE ROLE ev_audit LOGIN VALID UNTIL 'infinity';
ALTER ROLE ev_app SET search_path = app, public;
CREATE SCHEMA app AUTHORIZATION ev_owner;
CREATE TABLE app.patients (id bigint PRIMARY KEY, name text, diagnosis text);
ALTER TABLE app.patients OWNER TO ev_owner;
COMMENT ON TABLE app.patients IS 'phi';
GRANT USAGE ON SCHEMA app TO ev_app;
GRANT SELECT, INSERT ON app.patients TO ev_app;
GRANT SELECT (id, name) ON app.patients TO ev_temp;
CREATE FUNCTION app.patient_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = app
    AS 'select count(*) from app.patients';
ALTER FUNCTION app.patient_count() OWNER TO ev_owner;
REVOKE SELECT ON pg_catalog.pg_default_acl FROM PUBLIC;
