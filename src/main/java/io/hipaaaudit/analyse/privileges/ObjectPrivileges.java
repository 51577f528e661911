package io.hipaaaudit.analyse.privileges;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every role holds on one object. {@code owner} decides implicit grant options: whoever has the owner's
 * privileges may grant any privilege of the object, held or not (PostgreSQL's {@code WITH GRANT OPTION} check).
 */
public record ObjectPrivileges(String objectType, String schema, String object, Optional<String> column,
                               String owner, List<String> privileges, Map<String, Map<String, Holding>> held) {
    public ObjectPrivileges {
        column = column == null ? Optional.empty() : column;
        privileges = List.copyOf(privileges);
    }

    public Optional<Holding> holding(String role, String privilege) {
        return Optional.ofNullable(held.getOrDefault(role, Map.of()).get(privilege));
    }
}
