package io.hipaaaudit.inventory.pg;

import io.hipaaaudit.inventory.Nulls;
import java.util.Optional;

/**
 * {@code member} is a member of {@code role}. PostgreSQL 16+ records per-grant {@code inheritOption} and
 * {@code setOption}; before 16 they are absent and inheritance follows the member's {@code rolinherit}.
 */
public record PgMembership(String role, String member, String grantor, boolean adminOption,
                           Optional<Boolean> inheritOption, Optional<Boolean> setOption) {
    public PgMembership {
        role = Nulls.str(role);
        member = Nulls.str(member);
        grantor = Nulls.str(grantor);
        inheritOption = Nulls.opt(inheritOption);
        setOption = Nulls.opt(setOption);
    }
}
