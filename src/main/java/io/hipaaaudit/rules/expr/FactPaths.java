package io.hipaaaudit.rules.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import io.hipaaaudit.inventory.facts.Fact;
import io.hipaaaudit.inventory.facts.FactType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a compiled expression reads from {@code resource}, found in its syntax tree: every chain of field
 * selections rooted at {@code resource} (through comprehension variables such as {@code t} in
 * {@code resource.trails.exists(t, t.isLogging)}), as dotted paths. With a declared fact type the same walk
 * checks each path, so a misspelt fact is an error at load time instead of a NOT_ASSESSED at every resource.
 */
public final class FactPaths {
    /** One read: the dotted path below {@code resource} ("" for the whole resource); presence test for has(). */
    public record Read(String path, boolean presenceOnly) {}

    /** What a path expression denotes: its path below resource, its declared type, how to name it in messages. */
    private record Binding(Optional<String> path, FactType type, String display, String what) {
        Binding(Optional<String> path, FactType type, String display) {
            this(path, type, display, display);
        }
    }

    private final Optional<FactType> resourceType;
    private final String typeName;
    private final Optional<Set<String>> paramNames;
    private final Set<Read> reads = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    private FactPaths(Optional<FactType> resourceType, String typeName, Optional<Set<String>> paramNames) {
        this.resourceType = resourceType;
        this.typeName = typeName;
        this.paramNames = paramNames;
    }

    /** The resource paths the expression reads. */
    public static Set<Read> reads(CelAbstractSyntaxTree ast) {
        FactPaths walk = new FactPaths(Optional.empty(), "resource", Optional.empty());
        walk.visit(ast.getExpr(), Map.of());
        return Set.copyOf(walk.reads);
    }

    /**
     * The problems of an expression against the facts of its resource type and the rule's parameter names:
     * facts or parameters it reads that are not declared. Empty when it is fine.
     */
    public static List<String> check(CelAbstractSyntaxTree ast, FactType resource, String typeName,
                                     Set<String> params) {
        FactPaths walk = new FactPaths(Optional.of(resource), typeName, Optional.of(params));
        walk.visit(ast.getExpr(), Map.of());
        return List.copyOf(new LinkedHashSet<>(walk.problems));
    }

    private void visit(CelExpr e, Map<String, Binding> scope) {
        switch (e.getKind()) {
            case IDENT -> {
                Optional<Binding> b = resolve(e, scope);
                b.flatMap(Binding::path).ifPresent(p -> reads.add(new Read(p, false)));
            }
            case SELECT -> {
                Optional<Binding> b = resolve(e, scope);
                if (b.isPresent()) {
                    b.get().path().ifPresent(p -> reads.add(new Read(p, e.select().testOnly())));
                } else {
                    visit(e.select().operand(), scope);
                }
            }
            case CALL -> {
                Optional<Binding> index = isConstantIndex(e) ? resolve(e, scope) : Optional.empty();
                if (index.isPresent()) {
                    index.get().path().ifPresent(p -> reads.add(new Read(p, false)));
                } else {
                    e.call().target().ifPresent(t -> visit(t, scope));
                    e.call().args().forEach(a -> visit(a, scope));
                }
            }
            case LIST -> e.list().elements().forEach(x -> visit(x, scope));
            case MAP -> e.map().entries().forEach(x -> {
                visit(x.key(), scope);
                visit(x.value(), scope);
            });
            case STRUCT -> e.struct().entries().forEach(x -> visit(x.value(), scope));
            case COMPREHENSION -> comprehension(e.comprehension(), scope);
            default -> { }
        }
    }

    private void comprehension(CelExpr.CelComprehension c, Map<String, Binding> scope) {
        visit(c.iterRange(), scope);
        visit(c.accuInit(), scope);
        Map<String, Binding> inner = new HashMap<>(scope);
        Optional<Binding> range = resolve(c.iterRange(), scope);
        inner.put(c.iterVar(), element(range, c.iterVar()));
        if (c.iterVar2() != null && !c.iterVar2().isEmpty()) {
            inner.put(c.iterVar2(), new Binding(Optional.empty(), FactType.DYN, c.iterVar2()));
        }
        // cel.bind(x, init, body) is a comprehension over no elements whose accumulator is the bound value.
        Optional<Binding> bound = isEmptyList(c.iterRange()) ? resolve(c.accuInit(), scope) : Optional.empty();
        inner.put(c.accuVar(), bound.orElse(new Binding(Optional.empty(), FactType.DYN, c.accuVar())));
        visit(c.loopCondition(), inner);
        visit(c.loopStep(), inner);
        visit(c.result(), inner);
    }

    /** The element of a range: reads through it are reads of the range's path, typed by its items. */
    private static Binding element(Optional<Binding> range, String var) {
        if (range.isEmpty()) {
            return new Binding(Optional.empty(), FactType.DYN, var);
        }
        Binding r = range.get();
        FactType t = r.type();
        FactType item = switch (t.kind()) {
            case LIST -> t.items().orElse(FactType.DYN);
            case MAP -> FactType.STRING;
            default -> FactType.DYN;
        };
        return new Binding(r.path(), item, var, var + " (an element of " + r.display() + ")");
    }

    /** The binding a path expression denotes, or empty when it is not a path from a known variable. */
    private Optional<Binding> resolve(CelExpr e, Map<String, Binding> scope) {
        switch (e.getKind()) {
            case IDENT -> {
                String name = e.ident().name();
                if (scope.containsKey(name)) {
                    return Optional.of(scope.get(name));
                }
                if (name.equals("resource")) {
                    return Optional.of(new Binding(Optional.of(""), resourceType.orElse(FactType.DYN), "resource"));
                }
                if (name.equals("params")) {
                    return Optional.of(new Binding(Optional.empty(), FactType.DYN, "params"));
                }
                return Optional.empty();
            }
            case SELECT -> {
                return resolve(e.select().operand(), scope).map(b -> child(b, e.select().field(), e));
            }
            case CALL -> {
                if (isConstantIndex(e)) {
                    String key = e.call().args().get(1).constant().stringValue();
                    return resolve(e.call().args().get(0), scope).map(b -> child(b, key, e));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private Binding child(Binding parent, String field, CelExpr at) {
        Optional<String> path = parent.path().map(p -> p.isEmpty() ? field : p + "." + field);
        String display = parent.display() + "." + field;
        if (parent.display().equals("params")) {
            paramNames.ifPresent(names -> {
                if (!names.contains(field)) {
                    problems.add("reads " + display + ", but the rule declares no parameter '" + field + "'"
                            + suggestion(field, names) + " (declared: " + String.join(", ", sorted(names)) + ")");
                }
            });
            return new Binding(Optional.empty(), FactType.DYN, display);
        }
        FactType t = parent.type();
        switch (t.kind()) {
            case OBJECT -> {
                Fact f = t.fields().get(field);
                if (f == null) {
                    if (resourceType.isPresent()) {
                        String owner = parent.display().equals("resource") ? typeName : parent.what();
                        problems.add("reads " + display + ", but " + owner + " has no fact '" + field
                                + "'" + suggestion(field, t.fields().keySet()));
                    }
                    return new Binding(path, FactType.DYN, display);
                }
                return new Binding(path, f.type(), display);
            }
            case MAP -> {
                return new Binding(path, t.items().orElse(FactType.DYN), display);
            }
            case DYN -> {
                return new Binding(path, FactType.DYN, display);
            }
            default -> {
                if (resourceType.isPresent()) {
                    problems.add("reads " + display + ", but " + parent.what() + " is a " + t.display()
                            + ", which has no fields");
                }
                return new Binding(path, FactType.DYN, display);
            }
        }
    }

    private static boolean isConstantIndex(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("_[_]")
                && e.call().args().size() == 2
                && e.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && e.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE;
    }

    private static boolean isEmptyList(CelExpr e) {
        return e.getKind() == CelExpr.ExprKind.Kind.LIST && e.list().elements().isEmpty();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** " (did you mean 'x'?)" for the closest declared name within two edits, else "". */
    static String suggestion(String name, Set<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : sorted(candidates)) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
