package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Effective privileges of every role on every schema, relation, column (column-level grants only) and function
 * of one database, with the chain that gives each. This is the fact base: the report renders it, rules ask it
 * ("does app_user effectively hold DELETE on consent_records, and via what?").
 */
public final class EffectivePrivileges {
    private final RoleGraph graph;
    private final Map<String, ObjectPrivileges> schemas = new LinkedHashMap<>();
    private final Map<List<String>, ObjectPrivileges> relations = new LinkedHashMap<>();
    private final Map<List<String>, ObjectPrivileges> columns = new LinkedHashMap<>();
    private final Map<List<String>, ObjectPrivileges> functions = new LinkedHashMap<>();
    /** Role → its {@link RoleGraph#switches}, computed once per role (rules ask for every relation). */
    private final Map<String, List<RoleGraph.SetRole>> switches = new ConcurrentHashMap<>();

    public EffectivePrivileges(PgDatabase db) {
        graph = new RoleGraph(db);
        AclEvaluator acl = new AclEvaluator(graph);
        for (PgSchema s : db.schemas()) {
            schemas.put(s.name(), new ObjectPrivileges("schema", s.name(), s.name(), Optional.empty(), s.owner(),
                    Privileges.SCHEMA, acl.evaluate(s.acl(), Privileges.SCHEMA_IMPLICIT, s.owner(), Privileges.SCHEMA)));
        }
        for (PgRelation r : db.relations()) {
            List<String> privileges = Privileges.relation(r.kind(), db.serverVersionNum());
            relations.put(List.of(r.schema(), r.name()), new ObjectPrivileges(r.kind(), r.schema(), r.name(),
                    Optional.empty(), r.owner(), privileges,
                    acl.evaluate(r.acl(), Privileges.RELATION_IMPLICIT, r.owner(), privileges)));
            for (PgColumn c : r.columns()) {
                if (!c.acl().isEmpty()) {
                    columns.put(List.of(r.schema(), r.name(), c.name()), new ObjectPrivileges("column", r.schema(),
                            r.name(), Optional.of(c.name()), r.owner(), Privileges.COLUMN,
                            acl.evaluate(c.acl(), List.of(), r.owner(), Privileges.COLUMN)));
                }
            }
        }
        for (PgFunction f : db.functions()) {
            functions.put(List.of(f.schema(), signature(f)), new ObjectPrivileges(f.kind(), f.schema(), signature(f),
                    Optional.empty(), f.owner(), Privileges.FUNCTION,
                    acl.evaluate(f.acl(), List.of(), f.owner(), Privileges.FUNCTION)));
        }
    }

    /** {@code name(identity arguments)}, unique within a schema. */
    public static String signature(PgFunction f) {
        return f.name() + "(" + f.identityArguments() + ")";
    }

    public List<String> roles() {
        return new ArrayList<>(graph.roleNames());
    }

    public Optional<ObjectPrivileges> schema(String name) {
        return Optional.ofNullable(schemas.get(name));
    }

    public Optional<ObjectPrivileges> relation(String schema, String name) {
        return Optional.ofNullable(relations.get(List.of(schema, name)));
    }

    /** Column-level grants only; see {@link #column(String, String, String, String, String)} for the sum. */
    public Optional<ObjectPrivileges> columnGrants(String schema, String table, String column) {
        return Optional.ofNullable(columns.get(List.of(schema, table, column)));
    }

    public Optional<ObjectPrivileges> function(String schema, String signature) {
        return Optional.ofNullable(functions.get(List.of(schema, signature)));
    }

    /** A column privilege is held through the table-level privilege or a column-level grant. */
    public Optional<Holding> column(String role, String schema, String table, String column, String privilege) {
        Optional<Holding> tableLevel = relation(schema, table).flatMap(r -> r.holding(role, privilege));
        Optional<Holding> columnLevel = columnGrants(schema, table, column).flatMap(c -> c.holding(role, privilege));
        if (tableLevel.isPresent() && columnLevel.isPresent()) {
            return Optional.of(tableLevel.get().or(columnLevel.get()));
        }
        return tableLevel.isPresent() ? tableLevel : columnLevel;
    }

    /** True when {@code role} may grant {@code privilege} on the object (whether it holds it or not). */
    public boolean grantOption(ObjectPrivileges object, String role, String privilege) {
        return graph.superuser(role) || graph.hasPrivilegesOf(role, object.owner())
                || object.holding(role, privilege).map(Holding::grantable).orElse(false);
    }

    /**
     * What {@code role} can use on {@code object} only after a SET ROLE it is allowed: privilege → the role to
     * switch to and the whole path, for the privileges it does not hold without switching. Among several targets
     * the better holding wins ({@link Holding#or}: grantable first, then the shorter path; the nearer target on a
     * tie). For a column-grant object, as for column rows, only what adds to the table: privileges the role holds
     * on the table, or can use on the table after a switch, are left out.
     */
    public Map<String, SetRoleHolding> afterSetRole(String role, ObjectPrivileges object) {
        List<RoleGraph.SetRole> targets = switches.computeIfAbsent(role, graph::switches);
        if (targets.isEmpty()) {
            return Map.of();
        }
        Optional<ObjectPrivileges> table = object.column().isPresent()
                ? relation(object.schema(), object.object()) : Optional.empty();
        Map<String, SetRoleHolding> onTable = table.map(t -> afterSetRole(role, t)).orElse(Map.of());
        Map<String, SetRoleHolding> out = new LinkedHashMap<>();
        for (String privilege : object.privileges()) {
            boolean heldAlready = object.holding(role, privilege).isPresent()
                    || table.flatMap(t -> t.holding(role, privilege)).isPresent();
            if (heldAlready || onTable.containsKey(privilege)) {
                continue;
            }
            SetRoleHolding best = null;
            for (RoleGraph.SetRole target : targets) {
                Optional<Holding> theirs = object.holding(target.role(), privilege);
                if (theirs.isPresent()) {
                    SetRoleHolding candidate = new SetRoleHolding(target.role(), target.after(theirs.get()));
                    best = best == null ? candidate : best.or(candidate);
                }
            }
            if (best != null) {
                out.put(privilege, best);
            }
        }
        return out;
    }

    /**
     * True when {@code role} can act with the privileges of {@code other}: {@link #actsWithPrivilegesOf}, or after a
     * SET ROLE it is allowed to a superuser or to a role that has them.
     */
    public boolean canActAs(String role, String other) {
        return actsWithPrivilegesOf(role, other) || switches.computeIfAbsent(role, graph::switches).stream()
                .anyMatch(target -> actsWithPrivilegesOf(target.role(), other));
    }

    /** True when {@code role} is a superuser or has the privileges of {@code other} (itself included). */
    public boolean actsWithPrivilegesOf(String role, String other) {
        return graph.superuser(role) || graph.hasPrivilegesOf(role, other);
    }

    /** USAGE on the schema: without it nothing inside can be reached by name. */
    public boolean schemaUsage(String role, String schema) {
        return schema(schema).flatMap(s -> s.holding(role, "USAGE")).isPresent();
    }

    public List<ObjectPrivileges> schemas() {
        return List.copyOf(schemas.values());
    }

    public List<ObjectPrivileges> relations() {
        return List.copyOf(relations.values());
    }

    public List<ObjectPrivileges> columnGrants() {
        return List.copyOf(columns.values());
    }

    public List<ObjectPrivileges> functions() {
        return List.copyOf(functions.values());
    }
}
