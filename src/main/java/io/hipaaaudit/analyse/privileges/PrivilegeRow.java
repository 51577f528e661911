package io.hipaaaudit.analyse.privileges;

import java.util.List;
import java.util.Optional;

/**
 * {@code role} holds {@code privilege} on an object, and {@code via} says how: the membership hops from the role
 * to the grantee, then the grant itself ({@code "member of readers"}, {@code "grant SELECT to readers by owner"};
 * {@code "owner app_owner"}; {@code "grant SELECT to PUBLIC by owner"}; {@code "superuser"}).
 *
 * <p>{@code objectType} is schema, table, partitioned_table, view, materialized_view, foreign_table, sequence,
 * function, procedure, aggregate, window or column. For columns {@code object} is the table and {@code column} the
 * column; a column row appears only where a column-level grant gives more than the table-level privileges.
 *
 * <p>{@code schemaUsage} is false when the role holds the privilege but not USAGE on the object's schema: the
 * grant is real (and what {@code has_table_privilege} reports) but cannot be used until someone grants USAGE.
 * Rules that ask "can the role do this now" use {@link #effective()}; rules about latent grants read all rows.
 *
 * <p>{@code setRole} is present on a row the role can use only after {@code SET ROLE setRole}, which it is allowed
 * (every membership on the way allows SET; from PostgreSQL 16 that is the grant's {@code set_option}) but whose
 * privileges it does not inherit. {@code via} then starts with the membership steps and {@code SET ROLE "x"}
 * ({@code "member of deleter", "SET ROLE deleter", "grant DELETE to deleter by owner"}), {@code grantable} and
 * {@code schemaUsage} are those of the session after the switch, and the row appears only where the role does
 * not hold the privilege without switching (the better path when several targets give it). Rows without
 * {@code setRole} are what the role holds directly, through PUBLIC or by inheritance.
 */
public record PrivilegeRow(String role, String objectType, String schema, String object, Optional<String> column,
                           String privilege, boolean grantable, List<String> via, boolean schemaUsage,
                           Optional<String> setRole) {
    public PrivilegeRow {
        column = column == null ? Optional.empty() : column;
        via = List.copyOf(via);
        setRole = setRole == null ? Optional.empty() : setRole;
    }

    /** A row the role holds without SET ROLE. */
    public PrivilegeRow(String role, String objectType, String schema, String object, Optional<String> column,
                        String privilege, boolean grantable, List<String> via, boolean schemaUsage) {
        this(role, objectType, schema, object, column, privilege, grantable, via, schemaUsage, Optional.empty());
    }

    /** Held and usable now: the object privilege and USAGE on its schema. */
    public boolean effective() {
        return schemaUsage;
    }
}
