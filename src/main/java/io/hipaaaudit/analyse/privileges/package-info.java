/**
 * Effective PostgreSQL privileges: who can do what to which schema, relation, column and function, and why.
 *
 * <p>Semantics follow the server's own ACL checks ({@code aclmask} and friends), proven by a differential test
 * against {@code has_*_privilege} on PostgreSQL 13, 16, 17 and 18:
 * <ul>
 *   <li>a role holds a privilege granted to PUBLIC or to any role whose privileges it has through inheriting
 *       memberships (rolinherit of each member before 16, per-grant inherit_option from 16);</li>
 *   <li>the owner's privileges are the owner entry of the effective ACL (an owner can revoke them from itself),
 *       but whoever has the owner's privileges holds every grant option;</li>
 *   <li>pg_read_all_data, pg_write_all_data and pg_maintain grant implicitly; superusers hold everything.
 *       {@code rds_superuser} is not a superuser to the ACL checks: what it can reach shows up through its
 *       memberships, and rules treat membership in it as privileged;</li>
 *   <li>a column privilege is held through the table-level privilege or a column grant;</li>
 *   <li>what a role can use only after a SET ROLE it is allowed (memberships that each allow SET, then the
 *       target's own privileges) is kept apart from what it holds, with the path
 *       ({@link io.hipaaaudit.analyse.privileges.EffectivePrivileges#afterSetRole}): the same differential test
 *       checks it against the union of has_*_privilege over the role and every role {@code pg_has_role(r, t, 'SET')}
 *       names.</li>
 * </ul>
 *
 * <p>Schema USAGE gating: the has_* functions, and the holdings here, look at the object alone. Each report row
 * therefore carries {@code schemaUsage}; a row with {@code schemaUsage=false} is a real but currently unusable
 * grant. Not covered: database-level CONNECT/TEMPORARY (the inventory has no database ACL), row-level security
 * (RLS flags and BYPASSRLS are inventory facts for rules, not privileges), and a real role literally named
 * {@code PUBLIC}, which the inventory's ACL form cannot tell from the pseudo-role.
 */
package io.hipaaaudit.analyse.privileges;
