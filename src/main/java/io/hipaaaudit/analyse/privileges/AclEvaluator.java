package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.AclItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one object's ACL for every role, as PostgreSQL's aclmask does: a role holds a privilege when an
 * ACL entry grants it to PUBLIC or to a role whose privileges it has; superusers hold everything. Grant options
 * come from entries granted WITH GRANT OPTION, and the owner (and whoever has the owner's privileges) holds every
 * grant option implicitly, even for a privilege the owner revoked from itself.
 */
final class AclEvaluator {
    private static final List<String> SUPERUSER = List.of("superuser");

    private final RoleGraph graph;

    AclEvaluator(RoleGraph graph) {
        this.graph = graph;
    }

    /**
     * @param acl        the effective ACL (built-in default already expanded by the collector)
     * @param implicit   grants PostgreSQL makes through predefined roles for this kind of object
     * @param privileges the privileges this kind of object can carry
     * @return role → privilege → holding, for held privileges only
     */
    Map<String, Map<String, Holding>> evaluate(List<AclItem> acl, List<AclItem> implicit, String owner,
                                               List<String> privileges) {
        Map<String, Map<String, Holding>> held = new HashMap<>();
        for (AclItem item : acl) {
            if (privileges.contains(item.privilege())) {
                grant(held, item, step(item, owner), owner);
            }
        }
        for (AclItem item : implicit) {
            if (privileges.contains(item.privilege())) {
                grant(held, item, Names.quote(item.grantee()) + " holds " + item.privilege() + " implicitly", owner);
            }
        }
        for (String role : graph.heirs(owner).keySet()) {
            Map<String, Holding> ofRole = held.get(role);
            if (ofRole != null) {
                ofRole.replaceAll((privilege, holding) -> holding.asGrantable());
            }
        }
        for (String role : graph.roleNames()) {
            if (graph.superuser(role)) {
                Map<String, Holding> all = held.computeIfAbsent(role, r -> new HashMap<>());
                privileges.forEach(privilege -> all.put(privilege, new Holding(true, SUPERUSER)));
            }
        }
        return held;
    }

    private void grant(Map<String, Map<String, Holding>> held, AclItem item, String step, String owner) {
        // holders of the owner's privileges hold every grant option of the object
        boolean viaOwner = item.grantee().equals(owner);
        if (item.grantee().equals("PUBLIC")) {
            Holding holding = new Holding(item.grantable() || viaOwner, List.of(step));
            graph.roleNames().forEach(role -> merge(held, role, item.privilege(), holding));
            return;
        }
        graph.heirs(item.grantee()).forEach((role, chain) -> {
            List<String> via = new ArrayList<>(chain);
            via.add(step);
            merge(held, role, item.privilege(), new Holding(item.grantable() || viaOwner, via));
        });
    }

    private static void merge(Map<String, Map<String, Holding>> held, String role, String privilege, Holding holding) {
        held.computeIfAbsent(role, r -> new HashMap<>()).merge(privilege, holding, Holding::or);
    }

    private static String step(AclItem item, String owner) {
        if (item.grantee().equals(owner) && item.grantor().equals(owner) && !item.grantee().equals("PUBLIC")) {
            return "owner " + Names.quote(owner);
        }
        return "grant " + item.privilege() + (item.grantable() ? " WITH GRANT OPTION" : "") + " to "
                + Names.quote(item.grantee()) + " by " + Names.quote(item.grantor());
    }
}
