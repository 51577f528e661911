package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgDefaultAcl;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What PostgreSQL will put in the ACL of an object created later, as get_user_default_acl() computes it: the
 * creator's schema-less {@code pg_default_acl} entry for the object type, or the built-in default
 * (acldefault()) where there is none, plus the creator's entry for the new object's schema (which only adds).
 * The built-in default grants the owner every privilege of the type (without grant option, as acldefault() has
 * it) and PUBLIC EXECUTE on functions and USAGE on types; a schema-less entry replaces all of it, so an owner
 * that revoked a privilege from itself does not hold it on its new objects (it may re-grant it, as owner), unless
 * nothing is left in the entry: PostgreSQL reads an empty schema-less ACL as none (see {@link #EMPTY_ENTRY}).
 *
 * <p>Creators reported: every role with a {@code pg_default_acl} entry, and every role that is not a predefined
 * {@code pg_*} role and effectively holds CREATE on some schema of the database (by grant, PUBLIC, membership,
 * ownership or as superuser). Schemas are reported for the same creators: creating one needs CREATE on the
 * database, which is not collected. Languages are left out: ALTER DEFAULT PRIVILEGES cannot change them and a new
 * language always grants USAGE to PUBLIC. Large objects are reported from PostgreSQL 18, the first version whose
 * ALTER DEFAULT PRIVILEGES covers them.
 */
final class FutureGrants {
    static final String BUILT_IN = "built-in default";
    /**
     * A schema-less entry whose ACL is empty (the creator revoked everything, itself included) is treated by
     * PostgreSQL as no ACL at all: aclmerge() of two empty ACLs is NULL, so the new object gets the built-in
     * default, unless an IN SCHEMA entry for its schema gives it that entry's grants alone.
     */
    private static final String EMPTY_ENTRY = " (where no IN SCHEMA entry applies: empty ";

    /** Object types of {@code pg_default_acl} every supported version knows, in report order. */
    private static final List<String> TYPES = List.of("table", "sequence", "function", "type", "schema");

    private FutureGrants() {}

    static List<FutureGrant> of(PgDatabase db) {
        Map<List<String>, PgDefaultAcl> global = new HashMap<>();
        Set<String> creators = new TreeSet<>(creators(db));
        for (PgDefaultAcl entry : db.defaultAcls()) {
            creators.add(entry.role());
            if (entry.schema().isEmpty()) {
                global.put(List.of(entry.role(), entry.objectType()), entry);
            }
        }
        List<String> types = new ArrayList<>(TYPES);
        if (db.serverVersionNum() >= 180000) {
            types.add("large_object");
        }
        db.defaultAcls().stream().map(PgDefaultAcl::objectType).filter(t -> !types.contains(t)).distinct()
                .forEach(types::add);
        List<FutureGrant> grants = new ArrayList<>();
        for (String creator : creators) {
            for (String type : types) {
                PgDefaultAcl entry = global.get(List.of(creator, type));
                if (entry != null && !entry.acl().isEmpty()) {
                    add(grants, entry);
                } else {
                    String source = entry == null ? BUILT_IN : BUILT_IN + EMPTY_ENTRY + source(entry) + ")";
                    builtIn(type, db.serverVersionNum()).forEach((grantee, privileges) -> privileges.forEach(p ->
                            grants.add(new FutureGrant(creator, Optional.empty(), type,
                                    grantee.isEmpty() ? creator : grantee, p, false, source))));
                }
            }
        }
        db.defaultAcls().stream().filter(e -> e.schema().isPresent()).forEach(e -> add(grants, e));
        grants.sort(Comparator.comparing(FutureGrant::creator).thenComparing(g -> g.schema().orElse(""))
                .thenComparing(g -> types.indexOf(g.objectType())).thenComparing(FutureGrant::grantee)
                .thenComparing(FutureGrant::privilege));
        return grants;
    }

    /** One privilege of the predicted ACL of a new object; grantor is always the creator. */
    record Entry(String grantee, String privilege, boolean grantable) {}

    /**
     * The ACL a {@code objectType} created by {@code creator} in {@code schema} (empty for schemas and large
     * objects) gets: the global rows plus those of the schema, a privilege grantable if either row says so;
     * built-in rows standing for an empty schema-less entry give way to the schema's rows.
     */
    static Set<Entry> acl(List<FutureGrant> grants, String creator, Optional<String> schema, String objectType) {
        List<FutureGrant> rows = grants.stream().filter(g -> g.creator().equals(creator)
                && g.objectType().equals(objectType) && (g.schema().isEmpty() || g.schema().equals(schema))).toList();
        boolean schemaRows = rows.stream().anyMatch(g -> g.schema().isPresent());
        Map<List<String>, Boolean> merged = new LinkedHashMap<>();
        for (FutureGrant g : rows) {
            if (!(schemaRows && g.schema().isEmpty() && g.source().contains(EMPTY_ENTRY))) {
                merged.merge(List.of(g.grantee(), g.privilege()), g.grantable(), Boolean::logicalOr);
            }
        }
        Set<Entry> acl = new HashSet<>();
        merged.forEach((key, grantable) -> acl.add(new Entry(key.get(0), key.get(1), grantable)));
        return acl;
    }

    private static String source(PgDefaultAcl entry) {
        return "ALTER DEFAULT PRIVILEGES FOR ROLE " + Names.quote(entry.role())
                + entry.schema().map(s -> " IN SCHEMA " + Names.quote(s)).orElse("");
    }

    private static void add(List<FutureGrant> grants, PgDefaultAcl entry) {
        String source = source(entry);
        for (AclItem item : entry.acl()) {
            grants.add(new FutureGrant(entry.role(), entry.schema(), entry.objectType(), item.grantee(),
                    item.privilege(), item.grantable(), source));
        }
    }

    /** acldefault(): privileges by grantee, the empty name standing for the owner. */
    private static Map<String, List<String>> builtIn(String type, int versionNum) {
        return switch (type) {
            case "table" -> Map.of("", Privileges.relation("table", versionNum));
            case "sequence" -> Map.of("", Privileges.SEQUENCE);
            case "function" -> Map.of("", Privileges.FUNCTION, "PUBLIC", Privileges.FUNCTION);
            case "type" -> Map.of("", List.of("USAGE"), "PUBLIC", List.of("USAGE"));
            case "schema" -> Map.of("", Privileges.SCHEMA);
            case "large_object" -> Map.of("", List.of("SELECT", "UPDATE"));
            default -> Map.of();
        };
    }

    private static Set<String> creators(PgDatabase db) {
        AclEvaluator acl = new AclEvaluator(new RoleGraph(db));
        Set<String> creators = new TreeSet<>();
        for (PgSchema schema : db.schemas()) {
            acl.evaluate(schema.acl(), Privileges.SCHEMA_IMPLICIT, schema.owner(), Privileges.SCHEMA)
                    .forEach((role, held) -> {
                        if (held.containsKey("CREATE") && !role.startsWith("pg_") && !role.equals("PUBLIC")) {
                            creators.add(role);
                        }
                    });
        }
        return creators;
    }
}
