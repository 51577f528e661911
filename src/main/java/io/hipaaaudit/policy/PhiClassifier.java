package io.hipaaaudit.policy;

import io.hipaaaudit.inventory.pg.PgRelation;
import io.hipaaaudit.inventory.pg.PgRelation.PgColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a relation holds PHI, and why: it matches a declared {@code schema.table} pattern, its COMMENT or a
 * column's COMMENT contains the marker word, or a column has a declared PHI name. Without a policy only the
 * default comment marker counts. Reads catalog comments and names, never a row.
 */
public final class PhiClassifier {
    private final List<String> tables;
    private final Set<String> columns;
    private final Pattern marker;

    public PhiClassifier(Optional<DbPolicy> policy) {
        DbPolicy.Phi phi = policy.map(DbPolicy::phi).orElse(new DbPolicy.Phi(null, null, null, false));
        this.tables = phi.tables();
        this.columns = phi.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.marker = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_])" + Pattern.quote(phi.commentMarker())
                + "(?![\\p{L}\\p{N}_])");
    }

    /** The reasons a relation is PHI; empty when it is not. */
    public List<String> reasons(PgRelation r) {
        List<String> reasons = new ArrayList<>();
        String qualified = r.schema() + "." + r.name();
        tables.stream().filter(p -> Globs.matches(p, qualified)).findFirst()
                .ifPresent(p -> reasons.add("matches PHI table pattern " + p));
        if (r.comment().map(this::marked).orElse(false)) {
            reasons.add("table comment marks PHI");
        }
        for (PgColumn c : r.columns()) {
            if (columns.contains(c.name().toLowerCase(Locale.ROOT))) {
                reasons.add("column " + c.name() + " has a PHI column name");
            } else if (c.comment().map(this::marked).orElse(false)) {
                reasons.add("column " + c.name() + " comment marks PHI");
            }
        }
        return List.copyOf(reasons);
    }

    private boolean marked(String comment) {
        return marker.matcher(comment).find();
    }
}
