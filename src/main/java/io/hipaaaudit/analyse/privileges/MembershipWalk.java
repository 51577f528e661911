package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgMembership;
import io.hipaaaudit.inventory.pg.PgRole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Breadth-first walk up role memberships from one role, following only the edges {@code follow} accepts, keeping
 * for every role reached a shortest chain of "member of" steps (the start itself with an empty chain). Privilege
 * inheritance and SET ROLE reach differ only in which edges they follow.
 */
final class MembershipWalk {
    private MembershipWalk() {}

    /**
     * Whether the member holds the role's privileges through this membership: the grant's {@code inherit_option}
     * from PostgreSQL 16, the member's {@code rolinherit} before (it only chose the default from 16).
     */
    static boolean inherits(PgMembership m, Map<String, PgRole> roles) {
        if (m.inheritOption().isPresent()) {
            return m.inheritOption().get();
        }
        PgRole member = roles.get(m.member());
        return member != null && member.inherit();
    }

    /** Whether the member may SET ROLE to the role: every membership before PostgreSQL 16, {@code set_option} from 16. */
    static boolean allowsSet(PgMembership m) {
        return m.setOption().orElse(true);
    }

    static Map<String, List<String>> from(String start, Map<String, List<PgMembership>> memberOf,
                                          Predicate<PgMembership> follow) {
        Map<String, List<String>> reached = new LinkedHashMap<>();
        reached.put(start, List.of());
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String member = queue.removeFirst();
            for (PgMembership m : memberOf.getOrDefault(member, List.of())) {
                if (!follow.test(m) || reached.containsKey(m.role())) {
                    continue;
                }
                List<String> chain = new ArrayList<>(reached.get(member));
                chain.add("member of " + Names.quote(m.role()));
                reached.put(m.role(), List.copyOf(chain));
                queue.addLast(m.role());
            }
        }
        return reached;
    }
}
