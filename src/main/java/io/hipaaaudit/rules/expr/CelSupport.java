package io.hipaaaudit.rules.expr;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one CEL environment every rule expression is compiled in. Variables:
 * <ul>
 *   <li>{@code resource} – the resource's facts as a map (inventory fields plus analyser facts);</li>
 *   <li>{@code params} – the rule's parameters resolved for the resource's environment;</li>
 *   <li>{@code env} – that environment's name;</li>
 *   <li>{@code now} – the end of collection, so time comparisons are reproducible.</li>
 * </ul>
 * One function of ours: {@code glob(pattern, text)}, true when {@code text} matches the shell-style glob
 * ({@link io.hipaaaudit.text.Glob}, the same meaning as in waivers and database policies), so rule parameters can
 * name resources by pattern.
 * Standard macros ({@code has}, {@code exists}, {@code all}, {@code map}, {@code filter}) and the strings, lists
 * and sets extensions are enabled.
 */
public final class CelSupport {
    /**
     * Iterations one evaluation may make across all its comprehensions. The bundled rules iterate over a
     * resource's own lists (rules, grants, trails), far below this; a custom rule that multiplies large lists
     * stops here and its finding is NOT_ASSESSED instead of keeping the scan busy.
     */
    public static final int ITERATION_BUDGET = 100_000;
    /** Comprehensions (exists, all, map, filter, cel.bind) nested deeper than this are refused at load. */
    public static final int MAX_COMPREHENSION_NESTING = 4;
    /** Longest expression accepted, in code points. */
    public static final int MAX_EXPRESSION_SIZE = 20_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableTimestampEpoch(true)
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(ITERATION_BUDGET)
            .maxExpressionCodePointSize(MAX_EXPRESSION_SIZE)
            .build();
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists(), CelExtensions.bindings())
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.sets(OPTIONS), CelExtensions.lists())
            .addVar("resource", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("params", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("env", SimpleType.STRING)
            .addVar("now", SimpleType.TIMESTAMP)
            .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("glob",
                    CelOverloadDecl.newGlobalOverload("glob_string_string", SimpleType.BOOL, SimpleType.STRING,
                            SimpleType.STRING)))
            .addFunctionBindings(CelFunctionBinding.from("glob_string_string", String.class, String.class,
                    (pattern, text) -> io.hipaaaudit.text.Glob.matches(pattern, text)))
            .build();

    private CelSupport() {}

    private static final Pattern FIELD_PATH = Pattern.compile("resource(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    /** CEL's reserved words, which are no field names after a dot: such a path goes through the parser. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("as", "break", "const", "continue", "else",
            "false", "for", "function", "if", "import", "in", "let", "loop", "package", "namespace", "null", "return",
            "true", "var", "void", "while");

    /**
     * A compiled expression or the reason it does not compile. A plain field path such as
     * {@code resource.kmsKey.manager} (most evidence and message placeholders) is also kept as its segments and
     * read directly from the facts map: the same result as CEL, without the interpreter, since it runs for every
     * finding.
     */
    public record Compiled(CelRuntime.Program program, String error, List<String> fieldPath,
                           CelAbstractSyntaxTree ast, java.util.Set<FactPaths.Read> reads,
                           java.util.Optional<DirectEval.Node> direct) {
        public Compiled(CelRuntime.Program program, String error, List<String> fieldPath,
                        CelAbstractSyntaxTree ast, java.util.Set<FactPaths.Read> reads) {
            this(program, error, fieldPath, ast, reads,
                    program == null || ast == null ? java.util.Optional.empty() : DirectEval.of(ast.getExpr()));
        }

        public boolean ok() {
            return error == null;
        }

        /**
         * Evaluates with the given variables; a missing fact throws, as CEL does. A simple expression is answered
         * by {@link DirectEval} when it can give CEL's answer, else (and every other expression) by CEL.
         */
        public Object eval(Map<String, Object> resource, CelVariableResolver vars) throws CelEvaluationException {
            if (fieldPath.isEmpty()) {
                if (direct.isPresent()) {
                    try {
                        return direct.get().eval(resource, vars);
                    } catch (DirectEval.Missing e) {
                        throw new UnobservedFactException(e.key); // CEL's error, without its interpreter's
                    } catch (RuntimeException e) {
                        if (e != DirectEval.FALLBACK) {
                            throw e;
                        }
                    }
                }
                return program.eval(vars);
            }
            Object current = resource;
            for (String segment : fieldPath) {
                if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                    throw new UnobservedFactException(segment);
                }
                current = map.get(segment);
            }
            return current;
        }
    }

    /** A fact the expression reads was not observed (the map has no such key). */
    public static final class UnobservedFactException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnobservedFactException(String key) {
            super("key '" + key + "' is not present in map.", null, false, false);
        }
    }

    public static Compiled compile(String expression) {
        String trimmed = expression.strip();
        if (FIELD_PATH.matcher(trimmed).matches()) {
            List<String> path = List.of(trimmed.substring("resource.".length()).split("\\."));
            if (path.stream().noneMatch(RESERVED::contains)) {
                // resource.a.b on a map of dyn always type-checks, and eval reads it from the facts directly: the
                // tree the fact checks walk is the parser's select chain, built without the parser or the checker
                dev.cel.common.ast.CelExpr e = dev.cel.common.ast.CelExpr.ofIdent(1, "resource");
                long id = 1;
                for (String segment : path) {
                    e = dev.cel.common.ast.CelExpr.ofSelect(++id, e, segment, false);
                }
                CelAbstractSyntaxTree ast = CelAbstractSyntaxTree.newParsedAst(e,
                        dev.cel.common.CelSource.newBuilder(trimmed).build());
                return new Compiled(null, null, path, ast, FactPaths.reads(ast));
            }
        }
        java.util.Map<String, CelAbstractSyntaxTree> recording = recorder;
        java.util.Optional<CelAbstractSyntaxTree> cached = recording == null
                ? CheckedCache.bundled().find(expression) : java.util.Optional.empty();
        try {
            CelAbstractSyntaxTree ast;
            if (cached.isPresent()) {
                ast = cached.get();
            } else {
                CelValidationResult result = CEL.compile(expression);
                if (result.hasError()) {
                    return new Compiled(null, result.getErrors().stream().map(CelSupport::describe)
                            .collect(Collectors.joining("; ")), List.of(), null, java.util.Set.of());
                }
                ast = result.getAst();
                if (recording != null) {
                    recording.put(expression, ast);
                }
            }
            int nesting = nesting(ast.getExpr());
            if (nesting > MAX_COMPREHENSION_NESTING) {
                return new Compiled(null, "comprehensions are nested " + nesting + " deep (at most "
                        + MAX_COMPREHENSION_NESTING + "): such an expression can take hours on large lists",
                        List.of(), null, java.util.Set.of());
            }
            return new Compiled(CEL.createProgram(ast), null, List.of(), ast, FactPaths.reads(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compiled(null, e.getMessage().replaceAll("\\s+", " "), List.of(), null, java.util.Set.of());
        }
    }

    private static volatile java.util.Map<String, CelAbstractSyntaxTree> recorder;

    /**
     * Runs {@code load} with the build's cache of checked expressions bypassed and returns every expression it
     * type-checked, by its text: what {@link CheckedCache#main} writes.
     */
    static synchronized java.util.Map<String, CelAbstractSyntaxTree> checkedWhileLoading(Runnable load) {
        recorder = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            load.run();
            return java.util.Map.copyOf(recorder);
        } finally {
            recorder = null;
        }
    }

    /** How deeply comprehensions nest in the expression (0 for none). */
    static int nesting(dev.cel.common.ast.CelExpr e) {
        return switch (e.getKind()) {
            case COMPREHENSION -> {
                dev.cel.common.ast.CelExpr.CelComprehension c = e.comprehension();
                int inner = java.util.stream.Stream.of(c.loopCondition(), c.loopStep(), c.result())
                        .mapToInt(CelSupport::nesting).max().orElse(0);
                int outer = Math.max(nesting(c.iterRange()), nesting(c.accuInit()));
                yield Math.max(outer, 1 + inner);
            }
            case SELECT -> nesting(e.select().operand());
            case CALL -> java.util.stream.Stream.concat(e.call().target().stream(), e.call().args().stream())
                    .mapToInt(CelSupport::nesting).max().orElse(0);
            case LIST -> e.list().elements().stream().mapToInt(CelSupport::nesting).max().orElse(0);
            case MAP -> e.map().entries().stream()
                    .mapToInt(x -> Math.max(nesting(x.key()), nesting(x.value()))).max().orElse(0);
            case STRUCT -> e.struct().entries().stream().mapToInt(x -> nesting(x.value())).max().orElse(0);
            default -> 0;
        };
    }

    /** True when an evaluation stopped because it used up {@link #ITERATION_BUDGET}. */
    public static boolean overBudget(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("iteration budget")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(CelIssue issue) {
        return issue.getMessage() + " (at column " + (issue.getSourceLocation().getColumn() + 1) + ")";
    }
}
