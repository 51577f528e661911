package io.hipaaaudit.analyse.privileges;

import java.util.List;

/** One held privilege: whether it can be granted on, and the chain that gives it. */
public record Holding(boolean grantable, List<String> via) {
    public Holding {
        via = List.copyOf(via);
    }

    /** The better explanation of the same privilege: grantable first, then the shorter chain. */
    Holding or(Holding other) {
        if (other == null) {
            return this;
        }
        if (grantable != other.grantable) {
            return grantable ? this : other;
        }
        return via.size() <= other.via.size() ? this : other;
    }

    Holding asGrantable() {
        return grantable ? this : new Holding(true, via);
    }
}
