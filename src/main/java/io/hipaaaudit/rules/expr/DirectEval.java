package io.hipaaaudit.rules.expr;

import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelVariableResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most common rule expressions evaluated straight from their syntax tree, without CEL's interpreter: field
 * reads on {@code resource} and {@code params}, {@code has()}, boolean, string and integer constants, {@code !},
 * {@code &&}, {@code ||}, {@code ? :}, {@code ==} / {@code !=}, integer ordering, {@code size()}, a string key
 * {@code in} a map or a list of strings, a map read by a string key ({@code m['k']}), {@code all()},
 * {@code exists()} and {@code map()} over a list (not nested), string concatenation and integer {@code +} / {@code -},
 * {@code string()} of an integer, and {@code now}, {@code timestamp(string)}, {@code duration(string)}, the
 * duration between two timestamps and the ordering of timestamps and of durations. Most rules' {@code applies_if}
 * and many conditions are only that ({@code !resource.clusterMember},
 * {@code size(resource.network.publicIngress) == 0}), and the interpreter's own cost per evaluation is several
 * times the work.
 *
 * <p>It gives CEL's answer or none: whenever a value is not what the plain case expects (a value of another type,
 * mixed numeric types, an overflow, a text CEL's parser would refuse, an error CEL might absorb in {@code &&} or
 * {@code ||}), evaluation stops with {@link #FALLBACK} and the caller evaluates the expression with CEL, so errors,
 * messages and every corner of CEL's semantics stay CEL's. A fact that is not in its map where CEL could not absorb
 * the error is CEL's "no such key" error ({@link Missing}), the commonest error of all (a fact not observed), which
 * the interpreter builds slowly. An expression with anything else in it (other comprehensions, other functions,
 * list and map literals, doubles) is not compiled here at all ({@link #of} is empty).
 */
public final class DirectEval {
    /** Thrown when this path cannot answer as CEL would; no stack trace, it is control flow. */
    static final RuntimeException FALLBACK = new RuntimeException("evaluate with CEL", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    /**
     * A key the expression reads is not in its map: CEL's "no such key" error, which it gives too wherever it
     * cannot absorb it (an operand of {@code &&} or {@code ||}, a comprehension's step or a ternary's condition turn
     * it into {@link #FALLBACK}, so that CEL decides there). No stack trace, it is control flow.
     */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;

        Missing(String key) {
            super("key '" + key + "' is not present in map.", null, false, false);
            this.key = key;
        }
    }

    /** A compiled node. */
    public interface Node {
        Object eval(Map<String, Object> resource, CelVariableResolver vars);
    }

    private DirectEval() {}

    /** The expression as a direct evaluator, when every node of it is one this class evaluates exactly. */
    static Optional<Node> of(CelExpr e) {
        try {
            Node root = node(e, java.util.Set.of(), false);
            return Optional.of((resource, vars) -> {
                Object v = root.eval(resource, vars);
                if (v instanceof Instant || v instanceof Duration) {
                    throw FALLBACK; // a time value as the result is CEL's to represent
                }
                return v;
            });
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
                if (name.equals("now")) {
                    return (resource, vars) -> {
                        if (vars.find(name).orElse(null) instanceof Instant now) {
                            return now;
                        }
                        throw FALLBACK;
                    };
                }
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
                        if (!m.containsKey(field)) {
                            throw new Missing(field);
                        }
                        throw FALLBACK; // a null value: CEL's null handling
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
        if (isMap(c)) {
            return map(c, locals, inLoop);
        }
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
                if (bool(absorbable(predicate, resource, scoped)) != all) {
                    return !all;
                }
            }
            return all;
        };
    }

    /** {@code list.map(x, e)} as CEL's macro expands it: {@code [] + [e] + ...}, the accumulator as the result. */
    private static boolean isMap(CelExpr.CelComprehension c) {
        if (c.accuInit().getKind() != CelExpr.ExprKind.Kind.LIST || !c.accuInit().list().elements().isEmpty()
                || c.loopCondition().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || c.loopCondition().constant().getKind() != CelConstant.Kind.BOOLEAN_VALUE
                || !c.loopCondition().constant().booleanValue() || !isIdent(c.result(), c.accuVar())
                || c.loopStep().getKind() != CelExpr.ExprKind.Kind.CALL) {
            return false;
        }
        CelExpr.CelCall step = c.loopStep().call();
        return step.function().equals("_+_") && step.target().isEmpty() && step.args().size() == 2
                && isIdent(step.args().get(0), c.accuVar())
                && step.args().get(1).getKind() == CelExpr.ExprKind.Kind.LIST
                && step.args().get(1).list().elements().size() == 1
                && step.args().get(1).list().optionalIndices().isEmpty();
    }

    /**
     * {@code list.map(x, e)} over a list: each element's {@code e}, in order. An element {@code e} cannot answer
     * plainly, a map to iterate or a list over the iteration budget is CEL's.
     */
    private static Node map(CelExpr.CelComprehension c, java.util.Set<String> locals, boolean inLoop)
            throws Unsupported {
        String iter = c.iterVar();
        if (inLoop || iter.equals("resource") || iter.equals("params") || iter.equals("now")
                || iter.equals(c.accuVar())) {
            throw new Unsupported();
        }
        Node range = node(c.iterRange(), locals, false);
        java.util.Set<String> inner = new java.util.HashSet<>(locals);
        inner.add(iter);
        Node each = node(c.loopStep().call().args().get(1).list().elements().get(0), java.util.Set.copyOf(inner), true);
        return (resource, vars) -> {
            if (!(range.eval(resource, vars) instanceof List<?> list) || list.size() > CelSupport.ITERATION_BUDGET) {
                throw FALLBACK;
            }
            List<Object> out = new java.util.ArrayList<>(list.size());
            for (Object element : list) {
                if (element == null) {
                    throw FALLBACK;
                }
                CelVariableResolver scoped = name -> name.equals(iter) ? Optional.of(element) : vars.find(name);
                Object v = absorbable(each, resource, scoped);
                if (v instanceof Instant || v instanceof Duration) {
                    throw FALLBACK;
                }
                out.add(v);
            }
            return java.util.Collections.unmodifiableList(out);
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
        if (args.size() == 1 && (f.equals("timestamp") || f.equals("duration") || f.equals("string"))) {
            Node a = node(args.get(0), locals, inLoop);
            return switch (f) {
                case "timestamp" -> (resource, vars) -> {
                    if (a.eval(resource, vars) instanceof String text) {
                        return Times.timestamp(text);
                    }
                    throw FALLBACK;
                };
                case "duration" -> {
                    Times.LastDuration last = new Times.LastDuration();
                    yield (resource, vars) -> {
                        if (a.eval(resource, vars) instanceof String text) {
                            return last.parse(text);
                        }
                        throw FALLBACK;
                    };
                }
                default -> (resource, vars) -> {
                    Object v = a.eval(resource, vars);
                    if (v instanceof String text) {
                        return text;
                    }
                    if (v instanceof Long n) {
                        return Long.toString(n);
                    }
                    throw FALLBACK;
                };
            };
        }
        if (f.equals("!_") && args.size() == 1) {
            Node a = node(args.get(0), locals, inLoop);
            return (resource, vars) -> !bool(a.eval(resource, vars));
        }
        if (f.equals("_?_:_") && args.size() == 3) {
            Node cond = node(args.get(0), locals, inLoop);
            Node then = node(args.get(1), locals, inLoop);
            Node otherwise = node(args.get(2), locals, inLoop);
            return (resource, vars) -> bool(absorbable(cond, resource, vars)) ? then.eval(resource, vars)
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
            case "_&&_" -> (resource, vars) -> bool(absorbable(a, resource, vars)) && bool(absorbable(b, resource, vars));
            case "_||_" -> (resource, vars) -> bool(absorbable(a, resource, vars)) || bool(absorbable(b, resource, vars));
            case "_+_" -> (resource, vars) -> plus(a.eval(resource, vars), b.eval(resource, vars));
            case "_-_" -> (resource, vars) -> minus(a.eval(resource, vars), b.eval(resource, vars));
            case "_==_" -> (resource, vars) -> same(a.eval(resource, vars), b.eval(resource, vars));
            case "_!=_" -> (resource, vars) -> !same(a.eval(resource, vars), b.eval(resource, vars));
            case "_<_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) < 0;
            case "_<=_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) <= 0;
            case "_>_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) > 0;
            case "_>=_" -> (resource, vars) -> compare(a.eval(resource, vars), b.eval(resource, vars)) >= 0;
            // a string key in a map of facts (their keys are strings): present or not
            case "@in" -> (resource, vars) -> {
                if (a.eval(resource, vars) instanceof String key) {
                    Object in = b.eval(resource, vars);
                    if (in instanceof Map<?, ?> m) {
                        return m.containsKey(key);
                    }
                    if (in instanceof List<?> list) {
                        return listContains(list, key);
                    }
                }
                throw FALLBACK;
            };
            // a map read by a string key; a missing key is CEL's error (another message than a field's)
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

    /** A node whose "no such key" error CEL might absorb: CEL decides then. */
    private static Object absorbable(Node n, Map<String, Object> resource, CelVariableResolver vars) {
        try {
            return n.eval(resource, vars);
        } catch (Missing m) {
            throw FALLBACK;
        }
    }

    /** A string in a list of strings; an element of another type is CEL's (heterogeneous equality). */
    private static boolean listContains(List<?> list, String key) {
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw FALLBACK;
            }
            if (text.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** Two strings concatenated, or two integers added (an overflow is CEL's error). */
    private static Object plus(Object x, Object y) {
        if (x instanceof String a && y instanceof String b) {
            return a.concat(b);
        }
        if (x instanceof Long a && y instanceof Long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException e) {
                throw FALLBACK;
            }
        }
        throw FALLBACK;
    }

    /**
     * Two integers subtracted, or the duration between two timestamps as CEL's runtime computes it (one that does
     * not fit in 64 bits of nanoseconds is its overflow error).
     */
    private static Object minus(Object x, Object y) {
        try {
            if (x instanceof Long a && y instanceof Long b) {
                return Math.subtractExact(a, b);
            }
            if (x instanceof Instant a && y instanceof Instant b) {
                Duration d = Duration.between(b, a);
                d.toNanos();
                return d;
            }
        } catch (ArithmeticException e) {
            throw FALLBACK;
        }
        throw FALLBACK;
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

    /** Ordering of two integers, two timestamps or two durations. */
    private static int compare(Object x, Object y) {
        if (x instanceof Long a && y instanceof Long b) {
            return Long.compare(a, b);
        }
        if (x instanceof Instant a && y instanceof Instant b) {
            return a.compareTo(b);
        }
        if (x instanceof Duration a && y instanceof Duration b) {
            return a.compareTo(b);
        }
        throw FALLBACK;
    }
}
