package io.hipaaaudit.policy;

import io.hipaaaudit.analyse.PgAuditFacts;
import io.hipaaaudit.analyse.PhiLogging;
import io.hipaaaudit.analyse.privileges.EffectivePrivileges;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.analyse.privileges.RoleFacts;
import io.hipaaaudit.analyse.privileges.SetRoleHolding;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derived facts of one database's views, added to the plain inventory facts: role reach and ownership,
 * PHI classification, PUBLIC grants, pgaudit state, and, when a policy is given, a {@code policy} map on roles
 * and relations (its absence tells rules that no policy was declared). The effective-privilege analysis runs
 * only when a policy needs it.
 *
 * <p>Fail closed: a derived fact whose inputs were not all collected ({@link PgUnknowns}) is left out, so a rule
 * that reads it cannot be judged, while rules that read other facts of the same resource still are. Role reach
 * needs the roles and memberships; ownership needs every schema, relation and function; PHI classification
 * needs the relation's comments and columns; effective privileges need roles, memberships, schemas and the
 * relation's columns; pgaudit needs the settings and extensions.
 */
public final class PgFacts {
    private final PgDatabase db;
    private final Optional<DbPolicy> policy;
    private final Optional<Map<String, Object>> rdsParameters;
    private final PgUnknowns unknown;
    private final RoleFacts roles;
    private final PhiClassifier phi;
    private final Optional<PolicyPrivileges> privileges;
    /** Built on first use: a database with neither a policy nor a SECURITY DEFINER function never needs it. */
    private EffectivePrivileges effective;

    public PgFacts(PgDatabase db, Optional<DbPolicy> policy, Optional<Map<String, Object>> rdsParameters) {
        this(db, policy, rdsParameters, PgUnknowns.none());
    }

    public PgFacts(PgDatabase db, Optional<DbPolicy> policy, Optional<Map<String, Object>> rdsParameters,
                   PgUnknowns unknown) {
        this.db = db;
        this.policy = policy;
        this.rdsParameters = rdsParameters;
        this.unknown = unknown;
        this.roles = new RoleFacts(db);
        this.phi = new PhiClassifier(policy);
        // one effective-privilege analysis per database, shared by the policy and the SECURITY DEFINER facts
        this.privileges = policy.map(p -> new PolicyPrivileges(p, effective()));
    }

    public void database(Map<String, Object> facts) {
        if (!unknown.field(db.id(), "settings", "extensions")) {
            Map<String, Object> pgaudit = new LinkedHashMap<>(PgAuditFacts.of(db, rdsParameters));
            // on RDS the parameter group decides what the next restart loads; not collected, that is unknown
            // (rdsPreloaded stays absent), and the evidence says why
            if ((db.rds() || db.rdsInstance().isPresent()) && !pgaudit.containsKey("rdsPreloaded")) {
                pgaudit.put("rdsParameterGroup", db.rdsInstance()
                        .map(arn -> "not collected: the parameter group of " + arn + " is not in the inventory")
                        .orElse("not collected: no RDS instance in the inventory has this database's endpoint"));
            }
            facts.put("pgaudit", pgaudit);
        }
        if (!unknown.field(db.id(), "settings")) {
            facts.put("phiLogging", PhiLogging.ofServer(db.settings(), db.serverVersionNum()));
        }
        if (db.rdsInstance().isPresent()) {
            rdsParameters.ifPresent(p -> facts.put("rdsParameters", p));
        }
    }

    public void role(PgRole role, Map<String, Object> facts) {
        Map<String, Object> derived = new LinkedHashMap<>(roles.of(role.name()));
        if (unknown.type(ResourceTypes.PG_ROLE)) {
            List.of("privilegedMemberships", "ownerRoles", "iamAuth").forEach(derived::remove);
        }
        if (unknown.type(ResourceTypes.PG_SCHEMA) || unknown.type(ResourceTypes.PG_RELATION)
                || unknown.type(ResourceTypes.PG_FUNCTION)) {
            List.of("ownedObjectCount", "ownedObjects", "ownerRoles").forEach(derived::remove);
        }
        facts.putAll(derived);
        policy.ifPresent(p -> {
            Map<String, Object> declared = new LinkedHashMap<>();
            declared.put("applicationRole", p.applicationRole(role.name()));
            declared.put("iamAuthRequired", Globs.any(p.authentication().iamAuth(), role.name()));
            declared.put("passwordExpiryRequired", Globs.any(p.authentication().passwordExpiry(), role.name()));
            facts.put("policy", declared);
        });
    }

    public void relation(PgRelation r, Map<String, Object> facts) {
        String id = db.id() + "/" + r.schema() + "." + r.name();
        boolean phiKnown = !unknown.field(id, "comment", "columns");
        boolean columnsKnown = !unknown.field(id, "columns");
        boolean privilegesKnown = columnsKnown && !unknown.type(ResourceTypes.PG_ROLE)
                && !unknown.type(ResourceTypes.PG_SCHEMA);
        List<String> reasons = phi.reasons(r);
        if (phiKnown) {
            facts.put("phi", Map.of("classified", !reasons.isEmpty(), "reasons", reasons));
        }
        if (columnsKnown) {
            facts.put("publicPrivileges", publicPrivileges(r));
        }
        policy.ifPresent(p -> {
            PolicyPrivileges pp = privileges.orElseThrow();
            Map<String, Object> declared = new LinkedHashMap<>();
            if (phiKnown) {
                declared.put("rlsRequired", p.phi().requireRls() && !reasons.isEmpty());
            }
            if (privilegesKnown) {
                declared.put("excessPrivileges", pp.excess(r));
                declared.put("missingPrivileges", pp.missing(r));
            }
            facts.put("policy", declared);
        });
    }

    /**
     * For a SECURITY DEFINER function that pins its search_path: the schemas on that path where a role other than
     * the function's owner (and than superusers and roles that have the owner's privileges already) can CREATE
     * objects. Such a role can plant a table, function or operator the function resolves by name and have it run
     * with the owner's privileges, so the pin is as unsafe as none. {@code $user} resolves to the owner inside the
     * function, and {@code pg_temp} and {@code pg_catalog} are left to PostgreSQL's own rules. Empty for a function
     * that pins nothing; absent for one that does when the roles, memberships or schemas were not all collected.
     */
    public void function(PgFunction f, Map<String, Object> facts) {
        facts.put("policyDeclared", policy.isPresent());
        if (f.securityDefiner() && !unknown.type(ResourceTypes.PG_ROLE) && !unknown.type(ResourceTypes.PG_SCHEMA)) {
            policy.ifPresent(p -> escalation(p, f).ifPresent(e -> facts.put("phiEscalation", e)));
        }
        Optional<String> path = f.config().stream().filter(c -> c.startsWith("search_path="))
                .map(c -> c.substring("search_path=".length())).findFirst();
        if (!f.securityDefiner() || path.isEmpty()) {
            // nothing pinned to check: known to be empty whatever else is unknown
            facts.put("searchPathWritable", List.of());
            return;
        }
        if (unknown.type(ResourceTypes.PG_ROLE) || unknown.type(ResourceTypes.PG_SCHEMA)) {
            return;
        }
        EffectivePrivileges effective = effective();
        List<Object> writable = new ArrayList<>();
        for (String schema : SearchPath.schemas(path.get())) {
            if (schema.equals("$user") || schema.equals("pg_temp") || schema.equals("pg_catalog")) {
                continue;
            }
            effective.schema(schema).ifPresent(s -> {
                List<String> creators = s.held().entrySet().stream()
                        .filter(e -> e.getValue().containsKey("CREATE"))
                        .map(Map.Entry::getKey)
                        .filter(role -> !effective.actsWithPrivilegesOf(role, f.owner()))
                        .sorted().toList();
                if (!creators.isEmpty()) {
                    writable.add(Map.of("schema", schema, "creators", creators.size() > 10
                            ? List.copyOf(creators.subList(0, 10)) : creators, "creatorCount", (long) creators.size()));
                }
            });
        }
        facts.put("searchPathWritable", writable);
    }

    private static final List<String> WRITES = List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");

    /**
     * Who may call a SECURITY DEFINER function without already having its owner's privileges (PUBLIC, or an
     * application role the policy declares, also one that may call it only after a SET ROLE, then listed with the
     * path; a role that may SET ROLE to the owner already has its rights), and which PHI tables its owner may write:
     * together a way for those callers to write PHI with the owner's rights. Empty when a PHI classification it needs was not collected
     * and no PHI write was found elsewhere.
     */
    private Optional<Map<String, Object>> escalation(DbPolicy p, PgFunction f) {
        if (unknown.type(ResourceTypes.PG_RELATION)) {
            return Optional.empty();
        }
        EffectivePrivileges effective = effective();
        List<String> executors = new ArrayList<>();
        if (f.acl().stream().anyMatch(a -> a.grantee().equals("PUBLIC") && a.privilege().equals("EXECUTE"))) {
            executors.add("PUBLIC");
        }
        effective.function(f.schema(), EffectivePrivileges.signature(f)).ifPresent(fn -> {
            for (String role : effective.roles()) {
                if (!p.applicationRole(role) || effective.canActAs(role, f.owner())) {
                    continue;
                }
                if (fn.holding(role, "EXECUTE").isPresent()) {
                    executors.add(role);
                } else {
                    // a role that may SET ROLE to one holding EXECUTE calls it after the switch: name the path
                    SetRoleHolding after = effective.afterSetRole(role, fn).get("EXECUTE");
                    if (after != null) {
                        executors.add(role + " via " + String.join(" -> ", after.holding().via()));
                    }
                }
            }
        });
        List<Object> writes = new ArrayList<>();
        boolean classificationKnown = true;
        for (PgRelation r : db.relations()) {
            String id = db.id() + "/" + r.schema() + "." + r.name();
            // a table the policy names is PHI whatever its columns and comment; only a negative answer needs them
            if (phi.reasons(r).isEmpty()) {
                classificationKnown &= !unknown.field(id, "comment", "columns");
                continue;
            }
            for (String privilege : WRITES) {
                effective.relation(r.schema(), r.name()).flatMap(o -> o.holding(f.owner(), privilege))
                        .ifPresent(h -> writes.add(Map.of("table", r.schema() + "." + r.name(),
                                "privilege", privilege)));
            }
        }
        if (!classificationKnown && writes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executors", List.copyOf(executors));
        out.put("phiWrites", List.copyOf(writes.subList(0, Math.min(20, writes.size()))));
        out.put("phiWriteCount", (long) writes.size());
        return Optional.of(out);
    }

    private EffectivePrivileges effective() {
        if (effective == null) {
            effective = new EffectivePrivileges(db);
        }
        return effective;
    }

    /** Privileges granted to PUBLIC on the relation or one of its columns, with the grant as the chain. */
    static List<Object> publicPrivileges(PgRelation r) {
        List<Object> out = new ArrayList<>();
        for (AclItem a : r.acl()) {
            if (a.grantee().equals("PUBLIC")) {
                out.add(Map.of("privilege", a.privilege(), "via", List.of(grant(a))));
            }
        }
        for (PgRelation.PgColumn c : r.columns()) {
            for (AclItem a : c.acl()) {
                if (a.grantee().equals("PUBLIC")) {
                    out.add(Map.of("privilege", a.privilege(), "column", c.name(), "via", List.of(grant(a))));
                }
            }
        }
        return out;
    }

    private static String grant(AclItem a) {
        return "grant " + a.privilege() + " to PUBLIC by " + a.grantor();
    }
}
