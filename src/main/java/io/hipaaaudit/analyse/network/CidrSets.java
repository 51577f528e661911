package io.hipaaaudit.analyse.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exact set operations on prefixes. Any two prefixes are either nested or disjoint, so a prefix minus a set of
 * prefixes is found by halving only where the set has members: the work is bounded by the set's size times the
 * prefix depth, never by the number of addresses.
 */
public final class CidrSets {
    private CidrSets() {}

    /** The first (lowest) part of {@code x} that no member of {@code cover} contains, or empty if covered. */
    public static Optional<Cidr> uncovered(Cidr x, List<Cidr> cover) {
        List<Cidr> inside = new ArrayList<>();
        for (Cidr c : cover) {
            if (c.contains(x)) {
                return Optional.empty();
            }
            if (x.contains(c)) {
                inside.add(c);
            }
        }
        if (inside.isEmpty()) {
            return Optional.of(x);
        }
        Cidr[] halves = x.halves();
        Optional<Cidr> low = uncovered(halves[0], inside);
        return low.isPresent() ? low : uncovered(halves[1], inside);
    }

    /** {@code x} minus every member of {@code minus}, as disjoint prefixes in address order. */
    public static List<Cidr> subtract(Cidr x, List<Cidr> minus) {
        List<Cidr> out = new ArrayList<>();
        subtract(x, minus, out);
        return out;
    }

    private static void subtract(Cidr x, List<Cidr> minus, List<Cidr> out) {
        List<Cidr> inside = new ArrayList<>();
        for (Cidr m : minus) {
            if (m.contains(x)) {
                return;
            }
            if (x.contains(m)) {
                inside.add(m);
            }
        }
        if (inside.isEmpty()) {
            out.add(x);
            return;
        }
        Cidr[] halves = x.halves();
        subtract(halves[0], inside, out);
        subtract(halves[1], inside, out);
    }

    /** The intersection of two prefixes: the smaller one when nested, empty when disjoint. */
    public static Optional<Cidr> intersect(Cidr a, Cidr b) {
        if (a.contains(b)) {
            return Optional.of(b);
        }
        return b.contains(a) ? Optional.of(a) : Optional.empty();
    }

    /** The parts of {@code x} that some member of {@code within} also holds. */
    public static List<Cidr> intersect(Cidr x, List<Cidr> within) {
        List<Cidr> out = new ArrayList<>();
        for (Cidr w : within) {
            intersect(x, w).ifPresent(out::add);
        }
        return out;
    }
}
