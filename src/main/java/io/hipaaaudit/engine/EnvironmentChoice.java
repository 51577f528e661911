package io.hipaaaudit.engine;

/**
 * The environment a resource is judged under ({@code name}: lower case, aliases resolved) and where that came
 * from ({@code source}, for evidence and messages), e.g. {@code prod} from "tag Environment=production (alias of
 * prod)".
 */
public record EnvironmentChoice(String name, String source) {

    /** The same choice, its source naming the resource it was read from ("... on RDS instance db-1"). */
    public EnvironmentChoice on(String resource) {
        return new EnvironmentChoice(name, source + " on " + resource);
    }
}
