package io.hipaaaudit.policy;

import io.hipaaaudit.analyse.privileges.EffectivePrivileges;
import io.hipaaaudit.analyse.privileges.Holding;
import io.hipaaaudit.analyse.privileges.ObjectPrivileges;
import io.hipaaaudit.analyse.privileges.SetRoleHolding;
import io.hipaaaudit.inventory.pg.PgRelation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares what the roles the policy constrains effectively hold on a relation with what the policy allows.
 * Excess: held (table or column level, usable or latent behind missing schema USAGE) but not allowed, with the
 * grant chain. Missing: allowed, applicable to the relation's kind, but not usable now.
 */
public final class PolicyPrivileges {
    private final EffectivePrivileges privileges;
    private final Map<String, DbPolicy.RoleGrants> constrained = new LinkedHashMap<>();

    public PolicyPrivileges(DbPolicy policy, EffectivePrivileges privileges) {
        this.privileges = privileges;
        for (String role : privileges.roles()) {
            policy.grantsFor(role).ifPresent(g -> constrained.put(role, g));
        }
    }

    /** Roles the policy constrains (matched by a grants entry, or declared application roles). */
    public Set<String> constrainedRoles() {
        return constrained.keySet();
    }

    /** The privileges {@code role} may hold on {@code schema.table}: the first matching allow entry, or none. */
    public List<String> allowed(String role, String schema, String table) {
        DbPolicy.RoleGrants grants = constrained.get(role);
        if (grants == null) {
            return List.of();
        }
        String qualified = schema + "." + table;
        return grants.allow().stream().filter(a -> Globs.any(a.tables(), qualified)).findFirst()
                .map(DbPolicy.Allow::privileges).orElse(List.of());
    }

    /**
     * What the constrained roles hold beyond the policy: directly or inherited, and also what a role may do after a
     * SET ROLE it is allowed (its evidence chain then starts with the membership steps and {@code SET ROLE "x"},
     * and {@code usable} is the switched role's schema USAGE). The entries are the table's and its column grants'
     * rows of {@code db privileges} for the role, {@link EffectivePrivileges#afterSetRole} included, that the
     * policy does not allow: each (role, column, privilege) once, held without switching before switched.
     */
    public List<Map<String, Object>> excess(PgRelation r) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<ObjectPrivileges> table = privileges.relation(r.schema(), r.name());
        if (table.isEmpty()) {
            return out;
        }
        for (String role : constrained.keySet()) {
            List<String> allowed = allowed(role, r.schema(), r.name());
            excess(role, table.get(), Optional.empty(), allowed, p -> false, out);
            for (PgRelation.PgColumn c : r.columns()) {
                privileges.columnGrants(r.schema(), r.name(), c.name()).ifPresent(column ->
                        excess(role, column, Optional.of(c.name()), allowed,
                                p -> table.get().holding(role, p).isPresent(), out));
            }
        }
        out.sort(Comparator.comparing((Map<String, Object> m) -> (String) m.get("role"))
                .thenComparing(m -> (String) m.getOrDefault("column", ""))
                .thenComparing(m -> (String) m.get("privilege")));
        return out;
    }

    /** {@code onTable}: held on the whole table, so a column entry would repeat the table's. */
    private void excess(String role, ObjectPrivileges object, Optional<String> column, List<String> allowed,
                        Predicate<String> onTable, List<Map<String, Object>> out) {
        Map<String, SetRoleHolding> switched = privileges.afterSetRole(role, object);
        for (String privilege : object.privileges()) {
            if (allowed.contains(privilege) || onTable.test(privilege)) {
                continue;
            }
            Optional<Holding> held = object.holding(role, privilege);
            if (held.isPresent()) {
                out.add(entry(role, privilege, column, held.get(), privileges.schemaUsage(role, object.schema())));
            } else if (switched.containsKey(privilege)) {
                SetRoleHolding after = switched.get(privilege);
                out.add(entry(role, privilege, column, after.holding(),
                        privileges.schemaUsage(after.setRole(), object.schema())));
            }
        }
    }

    public List<Map<String, Object>> missing(PgRelation r) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<ObjectPrivileges> table = privileges.relation(r.schema(), r.name());
        for (String role : constrained.keySet()) {
            boolean usable = privileges.schemaUsage(role, r.schema());
            for (String privilege : allowed(role, r.schema(), r.name())) {
                boolean applies = table.map(t -> t.privileges().contains(privilege)).orElse(false);
                boolean held = table.flatMap(t -> t.holding(role, privilege)).isPresent();
                if (applies && (!held || !usable)) {
                    out.add(Map.of("role", role, "privilege", privilege,
                            "reason", held ? "held but no USAGE on schema " + r.schema() : "not granted"));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> entry(String role, String privilege, Optional<String> column,
                                             Holding holding, boolean usable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("privilege", privilege);
        column.ifPresent(c -> m.put("column", c));
        m.put("via", holding.via());
        m.put("usable", usable);
        return m;
    }
}
