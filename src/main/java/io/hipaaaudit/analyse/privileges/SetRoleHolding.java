package io.hipaaaudit.analyse.privileges;

/**
 * A privilege a role can use only after {@code SET ROLE setRole}: {@code holding.via()} is the whole path, the
 * membership steps to {@code setRole}, {@code SET ROLE "x"}, then the chain that gives {@code setRole} the
 * privilege; {@code holding.grantable()} is whether the session may grant it on once switched.
 */
public record SetRoleHolding(String setRole, Holding holding) {
    /** The better explanation of the same privilege, as {@link Holding#or} decides; the earlier one on a tie. */
    SetRoleHolding or(SetRoleHolding other) {
        if (other == null) {
            return this;
        }
        return holding.or(other.holding) == holding ? this : other;
    }
}
