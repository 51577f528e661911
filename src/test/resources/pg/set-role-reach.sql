-- Role reach on PostgreSQL 16+: inheritance and SET ROLE are separate options of each membership.
CREATE ROLE sr_owner NOLOGIN;
CREATE ROLE sr_app LOGIN;
CREATE ROLE sr_analyst LOGIN;
CREATE ROLE sr_mid NOLOGIN;
CREATE ROLE sr_deleter NOLOGIN;
CREATE ROLE sr_audit LOGIN;                                        -- the scanner: catalogs only

CREATE SCHEMA phi AUTHORIZATION sr_owner;
SET ROLE sr_owner;
CREATE TABLE phi.payments (id bigserial PRIMARY KEY, patient_id bigint, amount numeric);
RESET ROLE;
GRANT USAGE ON SCHEMA phi TO sr_app, sr_analyst, sr_deleter;
GRANT SELECT ON phi.payments TO sr_app, sr_analyst;
GRANT DELETE ON phi.payments TO sr_deleter;

-- sr_app may SET ROLE sr_deleter (no inheritance): DELETE is within its reach after the switch
GRANT sr_deleter TO sr_app WITH INHERIT FALSE, SET TRUE;
-- sr_analyst inherits sr_mid, which may only SET ROLE to the owner: sr_analyst can neither SET ROLE sr_owner
-- (its own hop does not allow SET) nor inherit it (the second hop does not inherit)
GRANT sr_mid TO sr_analyst WITH INHERIT TRUE, SET FALSE;
GRANT sr_owner TO sr_mid WITH INHERIT FALSE, SET TRUE;
