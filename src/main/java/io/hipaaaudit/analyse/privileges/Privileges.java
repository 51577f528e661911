package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import java.util.List;

/**
 * The privileges each kind of object can carry, and the grants PostgreSQL makes implicitly through predefined
 * roles. Both are version dependent: MAINTAIN and pg_maintain exist from 17, pg_read_all_data and
 * pg_write_all_data from 14 (a role that does not exist simply has no heirs, so older servers need no check).
 */
final class Privileges {
    private Privileges() {}

    static final List<String> SCHEMA = List.of("USAGE", "CREATE");
    static final List<String> SEQUENCE = List.of("USAGE", "SELECT", "UPDATE");
    static final List<String> FUNCTION = List.of("EXECUTE");
    static final List<String> COLUMN = List.of("SELECT", "INSERT", "UPDATE", "REFERENCES");
    private static final List<String> TABLE = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER");
    private static final List<String> TABLE_17 = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER", "MAINTAIN");

    static List<String> relation(String kind, int versionNum) {
        if (kind.equals("sequence")) {
            return SEQUENCE;
        }
        return versionNum >= 170000 ? TABLE_17 : TABLE;
    }

    /** pg_class_aclmask: predefined roles that read, write or maintain every relation. */
    static final List<AclItem> RELATION_IMPLICIT = List.of(
            implicit("pg_read_all_data", "SELECT"),
            implicit("pg_write_all_data", "INSERT"),
            implicit("pg_write_all_data", "UPDATE"),
            implicit("pg_write_all_data", "DELETE"),
            implicit("pg_maintain", "MAINTAIN"));

    /** pg_namespace_aclmask: reading or writing all data needs every schema. */
    static final List<AclItem> SCHEMA_IMPLICIT = List.of(
            implicit("pg_read_all_data", "USAGE"),
            implicit("pg_write_all_data", "USAGE"));

    /** An implicit grant has no grantor: that is how {@link AclEvaluator} words it. */
    private static AclItem implicit(String role, String privilege) {
        return new AclItem("", role, privilege, false);
    }
}
