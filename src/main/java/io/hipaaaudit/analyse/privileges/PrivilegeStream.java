package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The rows of {@link PrivilegeReport}, produced one at a time in the report's order (role, schema, object, column,
 * type, privilege) without holding them: for each role in turn, each object's ACL is evaluated for that role alone
 * and its rows are handed on before the next object is looked at. What stays in memory is the catalog, the role
 * graph and one sorted list of the objects, so a report of tens of millions of rows needs no more heap than its
 * catalog. The evaluation is {@link AclEvaluator}'s, restricted to one role: the same entries in the same order,
 * so ties between equally good chains resolve the same way.
 */
public final class PrivilegeStream {
    private static final List<String> SUPERUSER = List.of("superuser");
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::schema)
            .thenComparing(Entry::object)
            .thenComparing(e -> e.column().orElse(""))
            .thenComparing(Entry::objectType);

    private final RoleGraph graph;
    private final List<String> roles;
    private final List<Entry> schemas = new ArrayList<>();
    /** Every object in report order (stable: schemas, relations, functions, then column grants on ties). */
    private final List<Entry> ordered = new ArrayList<>();
    private final PrivilegeFilter filter;

    public PrivilegeStream(PgDatabase db, PrivilegeFilter filter) {
        this.graph = new RoleGraph(db);
        this.filter = filter;
        this.roles = graph.roleNames().stream().filter(filter::role).toList();
        // keyed as EffectivePrivileges keys them: a later entry of the same name replaces an earlier one
        Map<List<String>, Entry> relations = new LinkedHashMap<>();
        Map<List<String>, PgColumn> columns = new LinkedHashMap<>();
        Map<List<String>, Entry> functions = new LinkedHashMap<>();
        for (PgSchema s : db.schemas()) {
            schemas.add(new Entry("schema", s.name(), s.name(), Optional.empty(), s.owner(), Privileges.SCHEMA,
                    s.acl(), Privileges.SCHEMA_IMPLICIT, null, wanted(s.name(), List.of(s.name()))));
        }
        for (PgRelation r : db.relations()) {
            relations.put(List.of(r.schema(), r.name()), new Entry(r.kind(), r.schema(), r.name(), Optional.empty(),
                    r.owner(), Privileges.relation(r.kind(), db.serverVersionNum()), r.acl(),
                    Privileges.RELATION_IMPLICIT, null, wanted(r.schema(), List.of(r.name()))));
            for (PgColumn c : r.columns()) {
                if (!c.acl().isEmpty()) {
                    columns.put(List.of(r.schema(), r.name(), c.name()), c);
                }
            }
        }
        for (PgFunction f : db.functions()) {
            String signature = EffectivePrivileges.signature(f);
            functions.put(List.of(f.schema(), signature), new Entry(f.kind(), f.schema(), signature,
                    Optional.empty(), f.owner(), Privileges.FUNCTION, f.acl(), List.of(), null,
                    wanted(f.schema(), List.of(f.name(), signature))));
        }
        ordered.addAll(schemas);
        ordered.addAll(relations.values());
        ordered.addAll(functions.values());
        columns.forEach((key, c) -> {
            Entry table = relations.get(key.subList(0, 2));
            ordered.add(new Entry("column", table.schema(), table.object(), Optional.of(c.name()), table.owner(),
                    Privileges.COLUMN, c.acl(), List.of(), table, table.wanted()));
        });
        ordered.sort(ORDER);
    }

    private boolean wanted(String schema, List<String> names) {
        return filter.schema(schema) && filter.object(names);
    }

    /** The roles rows are produced for, in report order. */
    public List<String> roles() {
        return roles;
    }

    /** The objects rows may be produced for, in report order. */
    List<Entry> objects() {
        return ordered.stream().filter(Entry::wanted).toList();
    }

    /** Hands every row, in report order, to {@code sink}. */
    public void forEach(Consumer<PrivilegeRow> sink) {
        for (String role : roles) {
            Map<String, Boolean> usage = new HashMap<>();
            for (Entry schema : schemas) {
                usage.merge(schema.object(), held(role, schema).containsKey("USAGE"), (a, b) -> b);
            }
            for (Entry object : ordered) {
                if (!object.wanted()) {
                    continue;
                }
                Map<String, Holding> held = held(role, object);
                if (held.isEmpty()) {
                    continue;
                }
                boolean usable = object.objectType().equals("schema") || usage.getOrDefault(object.schema(), false);
                Map<String, Holding> onTable = object.table() == null ? Map.of() : held(role, object.table());
                new TreeMap<>(held).forEach((privilege, holding) -> {
                    if (!onTable.containsKey(privilege)) {
                        sink.accept(new PrivilegeRow(role, object.objectType(), object.schema(), object.object(),
                                object.column(), privilege, holding.grantable(), holding.via(), usable));
                    }
                });
            }
        }
    }

    /** {@link AclEvaluator#evaluate} for {@code role} alone: privilege → holding, held privileges only. */
    private Map<String, Holding> held(String role, Entry object) {
        Map<String, Holding> held = new HashMap<>();
        List<AclItem> acl = object.acl();
        for (int i = 0; i < acl.size(); i++) {
            AclItem item = acl.get(i);
            if (object.privileges().contains(item.privilege())) {
                grant(held, role, item, object.steps().get(i), object.owner());
            }
        }
        for (AclItem item : object.implicit()) {
            if (object.privileges().contains(item.privilege())) {
                grant(held, role, item, Names.quote(item.grantee()) + " holds " + item.privilege() + " implicitly",
                        object.owner());
            }
        }
        if (!held.isEmpty() && graph.hasPrivilegesOf(role, object.owner())) {
            held.replaceAll((privilege, holding) -> holding.asGrantable());
        }
        if (graph.superuser(role)) {
            object.privileges().forEach(privilege -> held.put(privilege, new Holding(true, SUPERUSER)));
        }
        return held;
    }

    private void grant(Map<String, Holding> held, String role, AclItem item, String step, String owner) {
        boolean viaOwner = item.grantee().equals(owner);
        if (item.grantee().equals("PUBLIC")) {
            held.merge(item.privilege(), new Holding(item.grantable() || viaOwner, List.of(step)), Holding::or);
            return;
        }
        List<String> chain = graph.heirs(item.grantee()).get(role);
        if (chain != null) {
            List<String> via = new ArrayList<>(chain.size() + 1);
            via.addAll(chain);
            via.add(step);
            held.merge(item.privilege(), new Holding(item.grantable() || viaOwner, via), Holding::or);
        }
    }

    private static String step(AclItem item, String owner) {
        if (item.grantee().equals(owner) && item.grantor().equals(owner) && !item.grantee().equals("PUBLIC")) {
            return "owner " + Names.quote(owner);
        }
        return "grant " + item.privilege() + (item.grantable() ? " WITH GRANT OPTION" : "") + " to "
                + Names.quote(item.grantee()) + " by " + Names.quote(item.grantor());
    }

    /** One object of the catalog with its ACL and the grant step each entry contributes to a chain. */
    record Entry(String objectType, String schema, String object, Optional<String> column, String owner,
                 List<String> privileges, List<AclItem> acl, List<AclItem> implicit, Entry table, boolean wanted,
                 List<String> steps) {
        Entry(String objectType, String schema, String object, Optional<String> column, String owner,
              List<String> privileges, List<AclItem> acl, List<AclItem> implicit, Entry table, boolean wanted) {
            this(objectType, schema, object, column, owner, privileges, acl, implicit, table, wanted,
                    acl.stream().map(item -> step(item, owner)).toList());
        }

    }
}
