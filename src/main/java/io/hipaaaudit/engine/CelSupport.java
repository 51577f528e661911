package io.hipaaaudit.engine;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.stream.Collectors;

/**
 * The one CEL environment every rule expression is compiled in. Variables:
 * <ul>
 *   <li>{@code resource} – the resource's facts as a map (inventory fields plus analyser facts);</li>
 *   <li>{@code params} – the rule's parameters resolved for the resource's environment;</li>
 *   <li>{@code env} – that environment's name;</li>
 *   <li>{@code now} – the end of collection, so time comparisons are reproducible.</li>
 * </ul>
 * Standard macros ({@code has}, {@code exists}, {@code all}, {@code map}, {@code filter}) and the strings, lists
 * and sets extensions are enabled.
 */
public final class CelSupport {
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableTimestampEpoch(true)
            .enableHeterogeneousNumericComparisons(true)
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
            .build();

    private CelSupport() {}

    /** A compiled expression or the reason it does not compile. */
    public record Compiled(CelRuntime.Program program, String error) {
        public boolean ok() {
            return program != null;
        }
    }

    public static Compiled compile(String expression) {
        CelValidationResult result = CEL.compile(expression);
        if (result.hasError()) {
            return new Compiled(null, result.getErrors().stream().map(CelSupport::describe)
                    .collect(Collectors.joining("; ")));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Compiled(CEL.createProgram(ast), null);
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compiled(null, e.getMessage().replaceAll("\\s+", " "));
        }
    }

    private static String describe(CelIssue issue) {
        return issue.getMessage() + " (at column " + (issue.getSourceLocation().getColumn() + 1) + ")";
    }
}
