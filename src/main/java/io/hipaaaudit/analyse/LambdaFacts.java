package io.hipaaaudit.analyse;

import io.hipaaaudit.inventory.aws.LambdaFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The derived facts of a Lambda function that come from the function alone (the network ones are in
 * {@link io.hipaaaudit.analyse.network.NetworkFacts#lambdaFunction}): {@code hasEnvironmentVariables} and
 * {@code environmentVariables}, each variable name with its {@code parts}: the name split into words at
 * {@code _}, {@code -}, {@code .} and lower-to-upper case changes, upper-cased and joined as
 * {@code _WORD_WORD_} so a rule matches whole words ({@code dbPassword} and {@code DB_PASSWORD} both give
 * {@code _DB_PASSWORD_}). Names only: the inventory holds no value.
 */
public final class LambdaFacts {
    private LambdaFacts() {}

    public static Map<String, Object> of(LambdaFunction fn) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hasEnvironmentVariables", !fn.environmentVariableNames().isEmpty());
        List<Map<String, Object>> variables = new ArrayList<>();
        for (String name : fn.environmentVariableNames()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", name);
            v.put("parts", parts(name));
            variables.add(v);
        }
        f.put("environmentVariables", variables);
        return f;
    }

    /** {@code apiKey} → {@code _API_KEY_}; {@code DB_SECRET_ARN} → {@code _DB_SECRET_ARN_}. */
    static String parts(String name) {
        StringBuilder out = new StringBuilder("_");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '-' || c == '.') {
                if (out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                continue;
            }
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))
                    && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        if (out.charAt(out.length() - 1) != '_') {
            out.append('_');
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
