package io.hipaaaudit.policy;

import io.hipaaaudit.inventory.Nulls;
import java.util.List;
import java.util.Optional;

/**
 * The declared least-privilege policy for the audited databases: which roles are application roles, which
 * tables hold PHI, what each role may do to which tables, and how login roles must authenticate. Every pattern
 * is a glob ({@code *} any run of characters, {@code ?} one); table patterns are {@code schema.table}.
 * Self-contained and Jackson-friendly so the same records can sit in a larger configuration file.
 *
 * @param applicationRoles role name patterns of the application's own logins
 * @param phi              where PHI lives and whether row-level security is required there
 * @param grants           allowed privileges per role pattern; the first entry whose role pattern matches wins
 * @param authentication   login roles that must use RDS IAM authentication or expiring passwords
 */
public record DbPolicy(List<String> applicationRoles, Phi phi, List<RoleGrants> grants, Authentication authentication) {
    public DbPolicy {
        applicationRoles = Nulls.list(applicationRoles);
        phi = phi == null ? new Phi(null, null, null, false) : phi;
        grants = Nulls.list(grants);
        authentication = authentication == null ? new Authentication(null, null) : authentication;
    }

    /**
     * @param tables        {@code schema.table} patterns holding PHI
     * @param columns       column names that mark a table as PHI (case-insensitive), e.g. ssn, date_of_birth
     * @param commentMarker a word that marks a table or column as PHI in its COMMENT (default {@code phi})
     * @param requireRls    PHI tables must have row-level security enabled
     */
    public record Phi(List<String> tables, List<String> columns, String commentMarker, boolean requireRls) {
        public static final String DEFAULT_MARKER = "phi";

        public Phi {
            tables = Globs.tablePatterns(Nulls.list(tables), "phi.tables");
            columns = Nulls.list(columns);
            commentMarker = commentMarker == null || commentMarker.isBlank() ? DEFAULT_MARKER : commentMarker.strip();
        }
    }

    /** What roles matching {@code role} may do; the first {@code allow} entry whose tables match applies. */
    public record RoleGrants(String role, List<Allow> allow) {
        public RoleGrants {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("grants: every entry needs a 'role' pattern");
            }
            allow = Nulls.list(allow);
        }
    }

    /** {@code privileges} on relations matching {@code tables}; anything not listed is excess. */
    public record Allow(List<String> tables, List<String> privileges) {
        public Allow {
            tables = Globs.tablePatterns(Nulls.list(tables), "allow.tables");
            privileges = Globs.privileges(Nulls.list(privileges));
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("allow: 'tables' needs at least one schema.table pattern");
            }
        }
    }

    /**
     * @param iamAuth        login role patterns that must authenticate with RDS IAM (member of rds_iam)
     * @param passwordExpiry login role patterns whose password must expire (VALID UNTIL) unless they use IAM
     */
    public record Authentication(List<String> iamAuth, List<String> passwordExpiry) {
        public Authentication {
            iamAuth = Nulls.list(iamAuth);
            passwordExpiry = Nulls.list(passwordExpiry);
        }
    }

    public boolean applicationRole(String role) {
        return Globs.any(applicationRoles, role);
    }

    /** The grants entry for a role, if the policy constrains it. Application roles are always constrained. */
    public Optional<RoleGrants> grantsFor(String role) {
        Optional<RoleGrants> entry = grants.stream().filter(g -> Globs.matches(g.role(), role)).findFirst();
        return entry.isPresent() || !applicationRole(role) ? entry : Optional.of(new RoleGrants(role, List.of()));
    }
}
