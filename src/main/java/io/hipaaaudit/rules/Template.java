package io.hipaaaudit.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import io.hipaaaudit.rules.expr.CelSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message with {@code {{ cel-expression }}} placeholders. Every placeholder is a CEL expression compiled at
 * load time, so a typo in a message is a load error, not a broken report.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");

    private final List<String> literals;
    private final List<CelSupport.Compiled> expressions;

    private Template(List<String> literals, List<CelSupport.Compiled> expressions) {
        this.literals = literals;
        this.expressions = expressions;
    }

    /** Compiles the template; returns the first compile error through {@code errors}. */
    static Template compile(String text, List<String> errors) {
        List<String> literals = new ArrayList<>();
        List<CelSupport.Compiled> expressions = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            literals.add(text.substring(last, m.start()));
            CelSupport.Compiled c = CelSupport.compile(m.group(1).trim());
            if (!c.ok()) {
                errors.add("placeholder {{" + m.group(1).trim() + "}} does not compile: " + c.error());
            }
            expressions.add(c);
            last = m.end();
        }
        literals.add(text.substring(last));
        return new Template(List.copyOf(literals), List.copyOf(expressions));
    }

    /** The compiled placeholders, in order. */
    public List<CelSupport.Compiled> expressions() {
        return expressions;
    }

    /** Renders with the given variables; a placeholder that cannot be evaluated renders as {@code ?}. */
    public String render(Map<String, Object> resource, CelVariableResolver vars) {
        StringBuilder out = new StringBuilder(literals.get(0));
        for (int i = 0; i < expressions.size(); i++) {
            out.append(format(evaluate(expressions.get(i), resource, vars))).append(literals.get(i + 1));
        }
        return out.toString();
    }

    private static Object evaluate(CelSupport.Compiled c, Map<String, Object> resource, CelVariableResolver vars) {
        try {
            return c.eval(resource, vars);
        } catch (CelEvaluationException | RuntimeException e) {
            return "?";
        }
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "none";
            }
            return String.join(", ", list.stream().map(Template::format).toList());
        }
        return String.valueOf(value);
    }
}
