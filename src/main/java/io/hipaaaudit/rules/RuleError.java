package io.hipaaaudit.rules;

import io.hipaaaudit.json.InputException;

/** A rule file that cannot be loaded: {@code file:line: rule <id>: message}. */
final class RuleError {
    private RuleError() {}

    static InputException at(String file, int line, String ruleId, String message) {
        String where = line > 0 ? file + ":" + line : file;
        String rule = ruleId == null || ruleId.isBlank() ? "" : "rule " + ruleId + ": ";
        return new InputException(where + ": " + rule + message);
    }
}
