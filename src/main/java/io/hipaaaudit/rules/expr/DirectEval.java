package io.hipaaaudit.rules.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelVariableResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most common rule expressions evaluated straight from their syntax tree, without CEL's interpreter: field
 * reads on {@code resource} and {@code params}, {@code has()}, boolean, string and integer constants, {@code !},
 * {@code &&}, {@code ||}, {@code ? :}, {@code ==} / {@code !=}, integer ordering, {@code size()}, a string key
 * {@code in} a map or read from it ({@code m['k']}), and {@code all()} / {@code exists()} over a list (not nested). Most rules'
 * {@code applies_if} and many conditions are only that ({@code !resource.clusterMember},
 * {@code size(resource.network.publicIngress) == 0}), and the interpreter's own cost per evaluation is several
 * times the work.
 *
 * <p>It gives CEL's answer or none: whenever a value is not what the plain case expects (a missing key, a value of
 * another type, mixed numeric types, an error CEL might absorb in {@code &&} or {@code ||}), evaluation stops with
 * {@link #FALLBACK} and the caller evaluates the expression with CEL, so errors, messages and every corner of CEL's
 * semantics stay CEL's. An expression with anything else in it (other comprehensions, other functions, list and
 * map literals, timestamps, doubles) is not compiled here at all ({@link #of} is empty).
 */
public final class DirectEval {
    /** Thrown when this path cannot answer as CEL would; no stack trace, it is control flow. */
    static final RuntimeException FALLBACK = new RuntimeException("evaluate with CEL", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    /** A compiled node. */
    public interface Node {
        Object eval(Map<String, Object> resource, CelVariableResolver vars);
    }

    private DirectEval() {}

    /** The expression as a direct evaluator, when every node of it is one this class evaluates exactly. */
    static Optional<Node> of(CelExpr e) {
        try {
            return Optional.of(node(e, java.util.Set.of(), false));
        } catch (Unsupported u) {
            return Optional.empty();
        }
    }

    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /**
     * {@code locals}: the iteration variables in scope; {@code inLoop}: inside a comprehension (one level only, so
     * that the iteration budget CEL shares across nested comprehensions is never in question).
     */
    private static Node node(CelExpr e, java.util.Set<String> locals, boolean inLoop) throws Unsupported {
        switch (e.getKind()) {
            case CONSTANT -> {
                CelConstant c = e.constant();
                Object value = switch (c.getKind()) {
                    case BOOLEAN_VALUE -> c.booleanValue();
                    case STRING_VALUE -> c.stringValue();
                    case INT64_VALUE -> c.int64Value();
                    default -> throw new Unsupported();
                };
                return (resource, vars) -> value;
            }
            case IDENT -> {
                String name = e.ident().name();
                if (!name.equals("resource") && !name.equals("params") && !locals.contains(name)) {
                    throw new Unsupported();
                }
                return (resource, vars) -> vars.find(name).orElseThrow(() -> FALLBACK);
            }
            case COMPREHENSION -> {
                return comprehension(e.comprehension(), locals, inLoop);
            }
            case SELECT -> {
                CelExpr.CelSelect s = e.select();
                Node operand = node(s.operand(), locals, inLoop);
                String field = s.field();
                if (s.testOnly()) {
                    return (resource, vars) -> {
                        if (!(operand.eval(resource, vars) instanceof Map<?, ?> m)) {
                            throw FALLBACK;
                        }
                        return m.containsKey(field);
                    };
                }
                return (resource, vars) -> {
                    if (!(operand.eval(resource, vars) instanceof Map<?, ?> m)) {
                        throw FALLBACK;
                    }
                    Object v = m.get(field);
                    if (v == null) {
                        throw FALLBACK; // missing key (or a null value): CEL's error or null handling
                    }
                    return v;
                };
            }
            case CALL -> {
                return call(e.call(), locals, inLoop);
            }
            default -> throw new Unsupported();
        }
    }

    /**
     * {@code list.all(x, p)} and {@code list.exists(x, p)} as CEL's macros expand them, over a list: the first
     * element for which {@code p} decides the answer ends it, as CEL's loop condition does. Anything else (a map to
     * iterate, an element {@code p} cannot answer plainly, which CEL might absorb, a list longer than the
     * iteration budget) is CEL's.
     */
    private static Node comprehension(CelExpr.CelComprehension c, java.util.Set<String> locals, boolean inLoop)
            throws Unsupported {
        String accu = c.accuVar();
        String iter = c.iterVar();
        if (inLoop || iter.equals("resource") || iter.equals("params") || iter.equals(accu)
                || c.accuInit().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || c.accuInit().constant().getKind() != CelConstant.Kind.BOOLEAN_VALUE
                || !isIdent(c.result(), accu) || c.loopStep().getKind() != CelExpr.ExprKind.Kind.CALL) {
            throw new Unsupported();
        }
        boolean all = c.accuInit().constant().booleanValue();
        CelExpr.CelCall step = c.loopStep().call();
        CelExpr.CelCall cond = c.loopCondition().getKind() == CelExpr.ExprKind.Kind.CALL ? c.loopCondition().call() : null;
        boolean shape = cond != null && cond.function().equals("@not_strictly_false") && cond.args().size() == 1
                && (all ? isIdent(cond.args().get(0), accu) : isNot(cond.args().get(0), accu))
                && step.function().equals(all ? "_&&_" : "_||_") && step.args().size() == 2
                && isIdent(step.args().get(0), accu);
        if (!shape) {
            throw new Unsupported();
        }
        Node range = node(c.iterRange(), locals, false);
        java.util.Set<String> inner = new java.util.HashSet<>(locals);
        inner.add(iter);
        Node predicate = node(step.args().get(1), java.util.Set.copyOf(inner), true);
        return (resource, vars) -> {
            if (!(range.eval(resource, vars) instanceof List<?> list) || list.size() > CelSupport.ITERATION_BUDGET) {
                throw FALLBACK;
            }
            for (Object element : list) {
                if (element == null) {
                    throw FALLBACK;
                }
                CelVariableResolver scoped = name -> name.equals(iter) ? Optional.of(element) : vars.find(name);
                if (bool(predicate.eval(resource, scoped)) != all) {
                    return !all;
                }
            }
            return all;
        };
    }

    private static boolean isIdent(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
    }

    private static boolean isNot(CelExpr e, String name) {
        return e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals("!_")
                && e.call().args().size() == 1 && isIdent(e.call().args().get(0), name);
    }

    private static Node call(CelExpr.CelCall c, java.util.Set<String> locals, boolean inLoop) throws Unsupported {
        List<CelExpr> args = c.args();
        String f = c.function();
        if (f.equals("size")) {
            Node arg;
            if (c.target().isPresent() && args.isEmpty()) {
                arg = node(c.target().get(), locals, inLoop);
            } else if (c.target().isEmpty() && args.size() == 1) {
                arg = node(args.get(0), locals, inLoop);
            } else {
                throw new Unsupported();
            }
            return (resource, vars) -> {
                Object v = arg.eval(resource, vars);
                if (v instanceof List<?> l) {
                    return (long) l.size();
                }
                if (v instanceof Map<?, ?> m) {
                    return (long) m.size();
                }
                if (v instanceof String s) {
                    return (long) s.codePointCount(0, s.length());
                }
                throw FALLBACK;
            };
        }
        if (c.target().isPresent()) {
            throw new Unsupported();
        }
        if (f.equals("!_") && args.size() == 1) {
            Node a = node(args.get(0), locals, inLoop);
            return (resource, vars) -> !bool(a.eval(resource, vars));
        }
        if (f.equals("_?_:_") && args.size() == 3) {
            Node cond = node(args.get(0), locals, inLoop);
            Node then = node(args.get(1), locals, inLoop);
            Node otherwise = node(args.get(2), locals, inLoop);
            return (resource, vars) -> bool(cond.eval(resource, vars)) ? then.eval(resource, vars)
                    : otherwise.eval(resource, vars);
        }
        if (args.size() != 2) {
            throw new Unsupported();
        }
        Node a = node(args.get(0), locals, inLoop);
        Node b = node(args.get(1), locals, inLoop);
        return switch (f) {
            // the left operand decides alone only when it is a plain boolean; an error on the left is CEL's to
            // absorb or not (false && error is false, error && false is false), so it falls back
            case "_&&_" -> (resource, vars) -> bool(a.eval(resource, vars)) && bool(b.eval(resource, vars));
            case "_||_" -> (resource, vars) -> bool(a.eval(resource, vars)) || bool(b.eval(resource, vars));
            case "_==_" -> (resource, vars) -> same(a.eval(resource, vars), b.eval(resource, vars));
            case "_!=_" -> (resource, vars) -> !same(a.eval(resource, vars), b.eval(resource, vars));
            case "_<_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) < 0;
            case "_<=_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) <= 0;
            case "_>_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) > 0;
            case "_>=_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) >= 0;
            // a string key in a map of facts (their keys are strings): present or not
            case "@in" -> (resource, vars) -> {
                if (a.eval(resource, vars) instanceof String key && b.eval(resource, vars) instanceof Map<?, ?> m) {
                    return m.containsKey(key);
                }
                throw FALLBACK;
            };
            // a map read by a string key; a missing key is CEL's error
            case "_[_]" -> (resource, vars) -> {
                if (a.eval(resource, vars) instanceof Map<?, ?> m && b.eval(resource, vars) instanceof String key) {
                    Object v = m.get(key);
                    if (v != null) {
                        return v;
                    }
                }
                throw FALLBACK;
            };
            default -> throw new Unsupported();
        };
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw FALLBACK;
    }

    /** Equality of two strings, two booleans or two integers; anything else (mixed numbers, lists) is CEL's. */
    private static boolean same(Object x, Object y) {
        if ((x instanceof String && y instanceof String) || (x instanceof Boolean && y instanceof Boolean)
                || (x instanceof Long && y instanceof Long)) {
            return x.equals(y);
        }
        throw FALLBACK;
    }

    /** Ordering of two integers only. */
    private static int compare(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        throw FALLBACK;
    }
}
