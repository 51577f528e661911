package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.inventory.pg.PgMembership;
import io.hipaaaudit.inventory.pg.PgRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who has the privileges of whom. A member uses the privileges of a role it belongs to only through inheriting
 * edges: before PostgreSQL 16 an edge inherits when the member has {@code rolinherit}; from 16 each grant carries
 * its own {@code inherit_option} (the member's rolinherit only chose the default when it was granted).
 * The chain kept for each pair is a shortest one (breadth-first), so reports explain with the fewest hops.
 */
final class RoleGraph {
    private final Map<String, PgRole> roles = new LinkedHashMap<>();
    private final Map<String, List<PgMembership>> memberOf = new HashMap<>();
    /** grantee role → (role that has its privileges → membership steps from that role to the grantee). */
    private final Map<String, Map<String, List<String>>> heirs = new HashMap<>();

    RoleGraph(PgDatabase db) {
        db.roles().forEach(role -> roles.put(role.name(), role));
        db.memberships().forEach(m -> memberOf.computeIfAbsent(m.member(), k -> new ArrayList<>()).add(m));
        for (String role : roles.keySet()) {
            privilegesOf(role).forEach((ancestor, chain) ->
                    heirs.computeIfAbsent(ancestor, k -> new LinkedHashMap<>()).put(role, chain));
        }
    }

    Set<String> roleNames() {
        return new TreeSet<>(roles.keySet());
    }

    boolean exists(String role) {
        return roles.containsKey(role);
    }

    boolean superuser(String role) {
        PgRole r = roles.get(role);
        return r != null && r.superuser();
    }

    /** Roles that have the privileges of {@code grantee} (itself included, with an empty chain). */
    Map<String, List<String>> heirs(String grantee) {
        return heirs.getOrDefault(grantee, Map.of());
    }

    /** True when {@code role} has the privileges of {@code ancestor}. */
    boolean hasPrivilegesOf(String role, String ancestor) {
        return heirs(ancestor).containsKey(role);
    }

    /**
     * The other roles {@code start} may SET ROLE to, each with a shortest chain: along memberships that each allow
     * SET (every membership before PostgreSQL 16; from 16 the grant's {@code set_option}).
     */
    Map<String, List<String>> setRoleTargets(String start) {
        Map<String, List<String>> reached = new LinkedHashMap<>(
                MembershipWalk.from(start, memberOf, MembershipWalk::allowsSet));
        reached.remove(start);
        return reached;
    }

    /**
     * The SET ROLE targets of {@code start} that can give it something it does not hold already, in
     * {@link #setRoleTargets} order, each with the steps a session takes: the membership chain, then
     * {@code SET ROLE "x"}. A target whose privileges {@code start} inherits adds nothing, unless it is a superuser
     * (superuser status is not inherited); a superuser needs no switch at all.
     */
    List<SetRole> switches(String start) {
        if (superuser(start)) {
            return List.of();
        }
        List<SetRole> out = new ArrayList<>();
        setRoleTargets(start).forEach((target, chain) -> {
            if (superuser(target) || !hasPrivilegesOf(start, target)) {
                List<String> steps = new ArrayList<>(chain.size() + 1);
                steps.addAll(chain);
                steps.add("SET ROLE " + Names.quote(target));
                out.add(new SetRole(target, steps));
            }
        });
        return List.copyOf(out);
    }

    /** One SET ROLE a session may make: the role it becomes and the steps that allow it. */
    record SetRole(String role, List<String> steps) {
        SetRole {
            steps = List.copyOf(steps);
        }

        /** {@code holding} of the target as the switching role's: these steps first, then its chain. */
        Holding after(Holding holding) {
            List<String> via = new ArrayList<>(steps.size() + holding.via().size());
            via.addAll(steps);
            via.addAll(holding.via());
            return new Holding(holding.grantable(), via);
        }
    }

    private Map<String, List<String>> privilegesOf(String start) {
        return MembershipWalk.from(start, memberOf, m -> MembershipWalk.inherits(m, roles));
    }
}
