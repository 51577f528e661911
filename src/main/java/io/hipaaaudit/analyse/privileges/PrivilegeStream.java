package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rows of {@link PrivilegeReport}, produced one at a time in the report's order (role, schema, object, column,
 * type, privilege) without holding them: for each role in turn, each object's ACL is evaluated for that role alone
 * and its rows are handed on before the next object is looked at. What stays in memory is the catalog, the role
 * graph and one sorted list of the objects, so a report of tens of millions of rows needs no more heap than its
 * catalog. The evaluation is {@link AclEvaluator}'s, restricted to one role: the same entries in the same order,
 * so ties between equally good chains resolve the same way. Rows a role can use only after a SET ROLE come from
 * the same evaluation for each target it may switch to, merged as {@link EffectivePrivileges#afterSetRole} does.
 */
public final class PrivilegeStream {
    private static final Holding SUPERUSER_HOLDING = new Holding(true, List.of("superuser"));
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
    /** Position in {@link #ordered} of every wanted object whose ACL grants something to PUBLIC. */
    private final BitSet toPublic = new BitSet();
    /** Grantee → positions of the wanted objects whose ACL (or implicit grants) name it. */
    private final Map<String, BitSet> byGrantee = new HashMap<>();
    /** Role → the grantees of {@link #byGrantee} whose privileges it has (itself included). */
    private final Map<String, List<String>> granteesOf = new HashMap<>();

    public PrivilegeStream(PgDatabase db, PrivilegeFilter filter) {
        this.graph = new RoleGraph(db);
        this.filter = filter;
        this.roles = graph.roleNames().stream().filter(filter::role).toList();
        // keyed as EffectivePrivileges keys them: a later entry of the same name replaces an earlier one
        Map<List<String>, Entry> relations = new LinkedHashMap<>();
        Map<List<String>, PgColumn> columns = new LinkedHashMap<>();
        Map<List<String>, Entry> functions = new LinkedHashMap<>();
        for (PgSchema s : db.schemas()) {
            schemas.add(Entry.of("schema", s.name(), s.name(), Optional.empty(), s.owner(), Privileges.SCHEMA,
                    s.acl(), Privileges.SCHEMA_IMPLICIT, null, wanted(s.name(), List.of(s.name()))));
        }
        for (PgRelation r : db.relations()) {
            relations.put(List.of(r.schema(), r.name()), Entry.of(r.kind(), r.schema(), r.name(), Optional.empty(),
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
            functions.put(List.of(f.schema(), signature), Entry.of(f.kind(), f.schema(), signature,
                    Optional.empty(), f.owner(), Privileges.FUNCTION, f.acl(), List.of(), null,
                    wanted(f.schema(), List.of(f.name(), signature))));
        }
        ordered.addAll(schemas);
        ordered.addAll(relations.values());
        ordered.addAll(functions.values());
        columns.forEach((key, c) -> {
            Entry table = relations.get(key.subList(0, 2));
            ordered.add(Entry.of("column", table.schema(), table.object(), Optional.of(c.name()), table.owner(),
                    Privileges.COLUMN, c.acl(), List.of(), table, table.wanted()));
        });
        ordered.sort(ORDER);
        Set<String> grantees = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            Entry object = ordered.get(i);
            for (Grant grant : object.grants()) {
                if (grant.toPublic()) {
                    toPublic.set(i, object.wanted());
                } else {
                    // every grantee counts for the chains (a schema's USAGE matters even when its rows are not wanted)
                    grantees.add(grant.grantee());
                    if (object.wanted()) {
                        byGrantee.computeIfAbsent(grant.grantee(), g -> new BitSet()).set(i);
                    }
                }
            }
        }
        grantees.forEach(grantee -> graph.heirs(grantee).keySet().forEach(heir ->
                granteesOf.computeIfAbsent(heir, r -> new ArrayList<>()).add(grantee)));
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

    /** The roles rows may name in {@code setRole}: the SET ROLE targets of {@link #roles()} that add something. */
    public List<String> setRoles() {
        return roles.stream().flatMap(role -> graph.switches(role).stream()).map(RoleGraph.SetRole::role)
                .distinct().sorted().toList();
    }

    /**
     * Hands every row, in report order, to {@code sink}. Per role only the objects that can give it something are
     * evaluated: those granting to PUBLIC or to a role whose privileges it has (every object for a superuser), and
     * the same for each role it may SET ROLE to whose privileges it does not inherit. Those targets are few in
     * practice, and a role that inherits all of its targets (the default membership) costs nothing more.
     */
    public void forEach(Consumer<PrivilegeRow> sink) {
        for (String role : roles) {
            Subject self = subject(role);
            List<Switched> switches = graph.switches(role).stream()
                    .map(target -> new Switched(target, subject(target.role()))).toList();
            Map<String, Subject> sessions = new HashMap<>();
            switches.forEach(target -> sessions.put(target.target().role(), target.subject()));
            BitSet relevant = (BitSet) self.relevant().clone();
            switches.forEach(target -> relevant.or(target.subject().relevant()));
            for (int i = relevant.nextSetBit(0); i >= 0; i = relevant.nextSetBit(i + 1)) {
                Entry object = ordered.get(i);
                if (!object.wanted()) {
                    continue;
                }
                Map<String, Holding> held = held(self, object);
                Map<String, Holding> onTable = object.table() == null ? Map.of() : held(self, object.table());
                Map<String, SetRoleHolding> switched = afterSetRole(switches, i, held, onTable);
                if (held.isEmpty() && switched.isEmpty()) {
                    continue;
                }
                for (String privilege : object.sortedPrivileges()) {
                    if (onTable.containsKey(privilege)) {
                        continue;
                    }
                    Holding holding = held.get(privilege);
                    SetRoleHolding after = holding == null ? switched.get(privilege) : null;
                    if (holding != null) {
                        sink.accept(new PrivilegeRow(role, object.objectType(), object.schema(), object.object(),
                                object.column(), privilege, holding.grantable(), holding.via(),
                                usable(self, object)));
                    } else if (after != null) {
                        sink.accept(new PrivilegeRow(role, object.objectType(), object.schema(), object.object(),
                                object.column(), privilege, after.holding().grantable(), after.holding().via(),
                                usable(sessions.get(after.setRole()), object), Optional.of(after.setRole())));
                    }
                }
            }
        }
    }

    /**
     * {@link EffectivePrivileges#afterSetRole} for one object: what the targets hold that the role does not
     * ({@code held} on the object, {@code onTable} on a column's table), the better path per privilege; for a column
     * also leaving out what a target holds on the table, which its table row already shows.
     */
    private Map<String, SetRoleHolding> afterSetRole(List<Switched> switches, int position, Map<String, Holding> held,
                                                     Map<String, Holding> onTable) {
        if (switches.isEmpty()) {
            return Map.of();
        }
        Entry object = ordered.get(position);
        Map<String, SetRoleHolding> out = new HashMap<>();
        for (Switched target : switches) {
            // an object that grants the target nothing is not evaluated for it
            if (!target.subject().relevant().get(position)) {
                continue;
            }
            held(target.subject(), object).forEach((privilege, theirs) -> {
                if (!held.containsKey(privilege) && !onTable.containsKey(privilege)) {
                    out.merge(privilege, new SetRoleHolding(target.target().role(), target.target().after(theirs)),
                            SetRoleHolding::or);
                }
            });
        }
        if (object.table() != null && !out.isEmpty()) {
            for (Switched target : switches) {
                held(target.subject(), object.table()).keySet().forEach(out::remove);
            }
        }
        return out;
    }

    /** USAGE on the object's schema for the session's role (always, for a schema row). */
    private static boolean usable(Subject subject, Entry object) {
        return object.objectType().equals("schema") || subject.usage().getOrDefault(object.schema(), false);
    }

    /**
     * Whose privileges a session has, prepared once per role: superuser status, the membership chain to each grantee
     * whose privileges it has, USAGE per schema, and the objects that can give it something.
     */
    private record Subject(String role, boolean superuser, Map<String, List<String>> chains,
                           Map<String, Boolean> usage, BitSet relevant) {}

    /** A SET ROLE the streamed role may make, with the session it then is. */
    private record Switched(RoleGraph.SetRole target, Subject subject) {}

    private Subject subject(String role) {
        boolean superuser = graph.superuser(role);
        Map<String, List<String>> chains = new HashMap<>();
        for (String grantee : granteesOf.getOrDefault(role, List.of())) {
            chains.put(grantee, graph.heirs(grantee).get(role));
        }
        Map<String, Boolean> usage = new HashMap<>();
        Subject partial = new Subject(role, superuser, chains, usage, null);
        for (Entry schema : schemas) {
            usage.put(schema.object(), held(partial, schema).containsKey("USAGE"));
        }
        BitSet relevant = (BitSet) toPublic.clone();
        if (superuser) {
            relevant.set(0, ordered.size());
        }
        for (String grantee : granteesOf.getOrDefault(role, List.of())) {
            BitSet objects = byGrantee.get(grantee);
            if (objects != null) {
                relevant.or(objects);
            }
        }
        return new Subject(role, superuser, chains, usage, relevant);
    }

    /**
     * {@link AclEvaluator#evaluate} for the subject's role alone: privilege → holding, held privileges only.
     */
    private Map<String, Holding> held(Subject subject, Entry object) {
        String role = subject.role();
        Map<String, List<String>> chains = subject.chains();
        Map<String, Holding> held = new HashMap<>();
        for (Grant grant : object.grants()) {
            if (grant.toPublic()) {
                held.merge(grant.privilege(), grant.direct(), Holding::or);
                continue;
            }
            List<String> chain = chains.get(grant.grantee());
            if (chain != null && chain.isEmpty()) {
                held.merge(grant.privilege(), grant.direct(), Holding::or);
            } else if (chain != null) {
                List<String> via = new ArrayList<>(chain.size() + 1);
                via.addAll(chain);
                via.add(grant.step());
                held.merge(grant.privilege(), new Holding(grant.grantable(), via), Holding::or);
            }
        }
        if (!held.isEmpty() && graph.hasPrivilegesOf(role, object.owner())) {
            held.replaceAll((privilege, holding) -> holding.asGrantable());
        }
        if (subject.superuser()) {
            object.privileges().forEach(privilege -> held.put(privilege, SUPERUSER_HOLDING));
        }
        return held;
    }

    private static String step(AclItem item, String owner) {
        if (item.grantee().equals(owner) && item.grantor().equals(owner) && !item.grantee().equals("PUBLIC")) {
            return "owner " + Names.quote(owner);
        }
        return "grant " + item.privilege() + (item.grantable() ? " WITH GRANT OPTION" : "") + " to "
                + Names.quote(item.grantee()) + " by " + Names.quote(item.grantor());
    }

    /**
     * One ACL entry (or implicit grant) of an object that applies to the object's kind, with the step it adds to
     * a chain, and the holding of whoever receives it without a membership hop (the grantee itself, or every
     * role for a grant to PUBLIC).
     */
    record Grant(String grantee, String privilege, boolean grantable, String step, Holding direct,
                 boolean toPublic) {
        static Grant of(AclItem item, String step, String owner) {
            // holders of the owner's privileges hold every grant option of the object
            boolean grantable = item.grantable() || item.grantee().equals(owner);
            return new Grant(item.grantee(), item.privilege(), grantable, step,
                    new Holding(grantable, List.of(step)), item.grantee().equals("PUBLIC"));
        }
    }

    /** One object of the catalog with the grants that apply to it, in ACL order then implicit ones. */
    record Entry(String objectType, String schema, String object, Optional<String> column, String owner,
                 List<String> privileges, List<String> sortedPrivileges, List<Grant> grants, Entry table,
                 boolean wanted) {
        static Entry of(String objectType, String schema, String object, Optional<String> column, String owner,
                        List<String> privileges, List<AclItem> acl, List<AclItem> implicit, Entry table,
                        boolean wanted) {
            return new Entry(objectType, schema, object, column, owner, privileges, privileges.stream().sorted().toList(),
                    grants(privileges, acl, implicit, owner), table, wanted);
        }

        private static List<Grant> grants(List<String> privileges, List<AclItem> acl, List<AclItem> implicit,
                                          String owner) {
            List<Grant> grants = new ArrayList<>();
            for (AclItem item : acl) {
                if (privileges.contains(item.privilege())) {
                    grants.add(Grant.of(item, step(item, owner), owner));
                }
            }
            for (AclItem item : implicit) {
                if (privileges.contains(item.privilege())) {
                    grants.add(Grant.of(item, Names.quote(item.grantee()) + " holds " + item.privilege()
                            + " implicitly", owner));
                }
            }
            return List.copyOf(grants);
        }
    }
}
