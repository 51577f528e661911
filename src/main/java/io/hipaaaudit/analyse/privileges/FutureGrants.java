package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import io.hipaaaudit.inventory.pg.PgDefaultAcl;
import io.hipaaaudit.inventory.pg.PgDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code pg_default_acl} into future grants. PostgreSQL stores a schema-less entry as the whole default
 * ACL (it replaces the built-in one) and a schema entry as additions; both are reported as such. Grants of the
 * creator to itself are left out: the creator owns what it creates and holds its privileges as owner.
 */
final class FutureGrants {
    /** What acldefault() grants to others than the owner when no schema-less entry exists. */
    private static final Map<String, List<String>> BUILT_IN_PUBLIC = Map.of(
            "function", List.of("EXECUTE"), "type", List.of("USAGE"));

    private FutureGrants() {}

    static List<FutureGrant> of(PgDatabase db) {
        List<FutureGrant> grants = new ArrayList<>();
        Set<List<String>> replaced = new HashSet<>();
        Set<List<String>> configured = new HashSet<>();
        for (PgDefaultAcl entry : db.defaultAcls()) {
            configured.add(List.of(entry.role(), entry.objectType()));
            if (entry.schema().isEmpty()) {
                replaced.add(List.of(entry.role(), entry.objectType()));
            }
            String source = "ALTER DEFAULT PRIVILEGES FOR ROLE " + Names.quote(entry.role())
                    + entry.schema().map(s -> " IN SCHEMA " + Names.quote(s)).orElse("");
            for (AclItem item : entry.acl()) {
                if (!item.grantee().equals(entry.role())) {
                    grants.add(new FutureGrant(entry.role(), entry.schema(), entry.objectType(), item.grantee(),
                            item.privilege(), item.grantable(), source));
                }
            }
        }
        for (List<String> key : configured) {
            if (!replaced.contains(key)) {
                BUILT_IN_PUBLIC.getOrDefault(key.get(1), List.of()).forEach(privilege -> grants.add(new FutureGrant(
                        key.get(0), Optional.empty(), key.get(1), "PUBLIC", privilege, false, "built-in default")));
            }
        }
        grants.sort(Comparator.comparing(FutureGrant::creator).thenComparing(g -> g.schema().orElse(""))
                .thenComparing(FutureGrant::objectType).thenComparing(FutureGrant::grantee)
                .thenComparing(FutureGrant::privilege));
        return grants;
    }
}
