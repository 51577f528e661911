package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgFunction;
import io.hipaaaudit.inventory.pg.PgMembership;
import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRole;
import io.hipaaaudit.inventory.pg.PgSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a role can become and what it owns, for rules about application roles: the privileged roles it reaches
 * (superusers, rds_superuser, predefined pg_* roles that read or write everything or touch the server), the
 * objects it owns, and the object owners it can act as. A role can act as another when it may {@code SET ROLE}
 * to some role along a chain of memberships that each allow SET (before PostgreSQL 16 every membership does;
 * from 16 each grant's {@code set_option}), and that role then inherits the other along a chain of memberships
 * that each inherit (the grant's {@code inherit_option} from 16, the member's {@code rolinherit} before). Hops
 * of the two kinds do not mix in any other order: a role that inherits a group that may only SET ROLE to a third
 * cannot act as the third, as {@code pg_has_role} and {@code SET ROLE} agree.
 */
public final class RoleFacts {
    /** Membership in any of these gives powers no application role needs. */
    public static final Set<String> PRIVILEGED = Set.of("rds_superuser", "pg_read_all_data", "pg_write_all_data",
            "pg_execute_server_program", "pg_read_server_files", "pg_write_server_files", "pg_create_subscription",
            "pg_database_owner", "rds_replication", "pg_signal_backend");
    public static final String RDS_IAM = "rds_iam";
    private static final int LISTED = 20;

    private final Map<String, PgRole> roles = new LinkedHashMap<>();
    private final Map<String, List<PgMembership>> memberOf = new HashMap<>();
    private final Map<String, List<String>> owned = new TreeMap<>();

    public RoleFacts(PgDatabase db) {
        db.roles().forEach(r -> roles.put(r.name(), r));
        db.memberships().forEach(m -> memberOf.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m));
        for (PgSchema s : db.schemas()) {
            own(s.owner(), "schema " + Names.quote(s.name()));
        }
        for (PgRelation r : db.relations()) {
            own(r.owner(), r.kind() + " " + Names.quote(r.schema()) + "." + Names.quote(r.name()));
        }
        for (PgFunction f : db.functions()) {
            own(f.owner(), f.kind() + " " + Names.quote(f.schema()) + "." + EffectivePrivileges.signature(f));
        }
    }

    private void own(String owner, String object) {
        owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(object);
    }

    /** The facts rules read for {@code role}, as plain values. */
    public Map<String, Object> of(String role) {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, List<String>> reach = reachable(role);
        List<Object> privileged = new ArrayList<>();
        List<Object> owners = new ArrayList<>();
        reach.forEach((target, via) -> {
            PgRole r = roles.get(target);
            if (!target.equals(role) && (PRIVILEGED.contains(target) || (r != null && r.superuser()))) {
                privileged.add(Map.of("role", target, "via", via));
            }
            if (!target.equals(role) && owned.containsKey(target)) {
                owners.add(Map.of("role", target, "via", via, "owns", (long) owned.get(target).size()));
            }
        });
        List<String> mine = owned.getOrDefault(role, List.of());
        f.put("privilegedMemberships", privileged);
        f.put("ownedObjectCount", (long) mine.size());
        f.put("ownedObjects", List.copyOf(mine.subList(0, Math.min(LISTED, mine.size()))));
        f.put("ownerRoles", owners);
        f.put("iamAuth", reach.containsKey(RDS_IAM));
        PgRole r = roles.get(role);
        f.put("passwordExpires", r != null && r.validUntil().isPresent());
        return f;
    }

    /**
     * Roles whose privileges {@code start} can use, directly or after a SET ROLE it is allowed, each with a
     * shortest explanation: the membership steps, with {@code SET ROLE "x"} where the session must switch.
     */
    Map<String, List<String>> reachable(String start) {
        Map<String, List<String>> best = new LinkedHashMap<>(usable(start));
        settable(start).forEach((role, setChain) -> {
            if (role.equals(start)) {
                return;
            }
            usable(role).forEach((target, inherited) -> {
                List<String> chain = new ArrayList<>(setChain.size() + 1 + inherited.size());
                chain.addAll(setChain);
                chain.add("SET ROLE " + Names.quote(role));
                chain.addAll(inherited);
                List<String> known = best.get(target);
                if (known == null || known.size() > chain.size()) {
                    best.put(target, List.copyOf(chain));
                }
            });
        });
        return best;
    }

    /** Roles {@code start} may SET ROLE to ({@code pg_has_role(start, r, 'SET')}), with a shortest chain. */
    Map<String, List<String>> settable(String start) {
        return MembershipWalk.from(start, memberOf, MembershipWalk::allowsSet);
    }

    /** Roles whose privileges {@code start} holds without SET ROLE ({@code pg_has_role(start, r, 'USAGE')}). */
    Map<String, List<String>> usable(String start) {
        return MembershipWalk.from(start, memberOf, m -> MembershipWalk.inherits(m, roles));
    }
}
