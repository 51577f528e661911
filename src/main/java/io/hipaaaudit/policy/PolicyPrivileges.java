package io.hipaaaudit.policy;

import io.hipaaaudit.analyse.privileges.EffectivePrivileges;
import io.hipaaaudit.analyse.privileges.Holding;
import io.hipaaaudit.analyse.privileges.ObjectPrivileges;
import io.hipaaaudit.inventory.pg.PgRelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * SET ROLE it is allowed (its evidence chain then starts with {@code SET ROLE "x"}). Each (role, column,
     * privilege) is listed once, by the shortest way to it, inherited before switched.
     */
    public List<Map<String, Object>> excess(PgRelation r) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<ObjectPrivileges> table = privileges.relation(r.schema(), r.name());
        for (String role : constrained.keySet()) {
            List<String> allowed = allowed(role, r.schema(), r.name());
            Set<String> seen = new java.util.HashSet<>();
            Map<String, List<String>> actAs = new LinkedHashMap<>();
            actAs.put(role, List.of());
            privileges.setRoleTargets(role).forEach((target, chain) -> {
                List<String> steps = new ArrayList<>(chain);
                steps.add("SET ROLE " + io.hipaaaudit.analyse.privileges.Names.quote(target));
                actAs.put(target, List.copyOf(steps));
            });
            actAs.forEach((as, switched) -> {
                boolean usable = privileges.schemaUsage(as, r.schema());
                table.map(t -> t.held().getOrDefault(as, Map.of())).orElse(Map.of()).forEach((privilege, holding) -> {
                    if (!allowed.contains(privilege) && seen.add("|" + privilege)) {
                        out.add(entry(role, privilege, Optional.empty(), switched, holding, usable));
                    }
                });
                for (PgRelation.PgColumn c : r.columns()) {
                    privileges.columnGrants(r.schema(), r.name(), c.name()).ifPresent(col ->
                            col.held().getOrDefault(as, Map.of()).forEach((privilege, holding) -> {
                                if (!allowed.contains(privilege) && !seen.contains("|" + privilege)
                                        && seen.add(c.name() + "|" + privilege)) {
                                    out.add(entry(role, privilege, Optional.of(c.name()), switched, holding, usable));
                                }
                            }));
                }
            });
        }
        out.sort(java.util.Comparator.comparing((Map<String, Object> m) -> (String) m.get("role"))
                .thenComparing(m -> (String) m.getOrDefault("column", ""))
                .thenComparing(m -> (String) m.get("privilege")));
        return out;
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
                                             List<String> switched, Holding holding, boolean usable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("privilege", privilege);
        column.ifPresent(c -> m.put("column", c));
        List<String> via = new ArrayList<>(switched);
        via.addAll(holding.via());
        m.put("via", List.copyOf(via));
        m.put("usable", usable);
        return m;
    }
}
