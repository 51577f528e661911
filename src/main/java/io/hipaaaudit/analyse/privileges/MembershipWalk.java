package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.inventory.pg.PgMembership;
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
