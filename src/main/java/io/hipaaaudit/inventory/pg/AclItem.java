package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;

/**
 * One exploded ACL entry as {@code aclexplode()} returns it; {@code grantee} is {@code PUBLIC} for the pseudo-role.
 * {@code privilege} is the SQL keyword (SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, USAGE,
 * CREATE, EXECUTE, CONNECT, TEMPORARY, MAINTAIN).
 */
public record AclItem(String grantor, String grantee, String privilege, boolean grantable) {
    public AclItem {
        grantor = Nulls.str(grantor);
        grantee = Nulls.str(grantee);
        privilege = Nulls.str(privilege);
    }
}
