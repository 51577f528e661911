package io.hipaaaudit.analyse.privileges;

import io.hipaaaudit.json.Json;
import java.util.List;

/**
 * JSON for {@code db privileges --format json}: an array of rows in the DESIGN.md shape, {@code column} omitted
 * when absent, plus {@code schemaUsage}, and {@code setRole} on rows usable only after a SET ROLE; future grants
 * are a separate array.
 */
public final class PrivilegeJson {
    private PrivilegeJson() {}

    public static String rows(List<PrivilegeRow> rows) {
        return Json.write(rows);
    }

    public static String futureGrants(List<FutureGrant> grants) {
        return FutureGrantReport.json(grants);
    }
}
