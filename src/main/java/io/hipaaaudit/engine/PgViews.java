package io.hipaaaudit.engine;

import io.hipaaaudit.inventory.Inventory;
import io.hipaaaudit.inventory.ResourceTypes;
import io.hipaaaudit.inventory.aws.DbInstance;
import io.hipaaaudit.inventory.pg.PgDatabase;
import io.hipaaaudit.policy.DbPolicy;
import io.hipaaaudit.policy.PgFacts;
import io.hipaaaudit.policy.PgUnknowns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Views of PostgreSQL objects. Each carries the database target as its scope; when the database was matched to
 * an RDS instance, the instance's account and region too, so findings join up with the AWS side. Derived facts
 * (role reach, PHI, PUBLIC grants, pgaudit, and what a declared policy says) come from {@link PgFacts}, which
 * leaves out what rests on data the collection errors say is unknown.
 */
final class PgViews {
    private PgViews() {}

    static void add(Inventory inv, Environments envs, Optional<DbPolicy> policy,
                    Function<DbInstance, Optional<Map<String, Object>>> instanceParameters,
                    Map<String, List<ResourceView>> byType) {
        List<ResourceView> dbs = new ArrayList<>();
        List<ResourceView> roles = new ArrayList<>();
        List<ResourceView> schemas = new ArrayList<>();
        List<ResourceView> relations = new ArrayList<>();
        List<ResourceView> functions = new ArrayList<>();
        List<ResourceView> defaultAcls = new ArrayList<>();
        for (PgDatabase db : inv.databases()) {
            Optional<DbInstance> instance = db.rdsInstance()
                    .flatMap(arn -> inv.dbInstances().stream().filter(i -> i.arn().equals(arn)).findFirst());
            String account = instance.map(DbInstance::account).orElse("");
            String region = instance.map(DbInstance::region).orElse("");
            EnvironmentChoice env = db.environment().map(e -> envs.named("database " + db.id() + " environment=", e))
                    .or(() -> instance.flatMap(i -> envs.fromTags(i.tags()).map(c -> c.on("RDS instance " + i.id()))))
                    .orElseGet(envs::scan);
            PgUnknowns unknown = PgUnknowns.of(inv.collectionErrors(), db.id());
            Context ctx = new Context(db, account, region, env, unknown);
            PgFacts derived = new PgFacts(db, policy, instance.flatMap(instanceParameters), unknown);
            Map<String, Object> dbFacts = Plain.of(new PgDatabase(db.id(), db.host(), db.port(), db.database(),
                    db.serverVersion(), db.serverVersionNum(), db.rds(), db.rdsInstance(), db.environment(),
                    db.settings(), db.roles(), db.memberships(), List.of(), List.of(), List.of(), List.of(),
                    db.extensions()));
            derived.database(dbFacts);
            dbs.add(ctx.view(ResourceTypes.PG_DATABASE, "", dbFacts));
            ctx.each(ResourceTypes.PG_ROLE, db.roles(), r -> r.name(), roles, derived::role);
            ctx.each(ResourceTypes.PG_SCHEMA, db.schemas(), s -> s.name(), schemas);
            ctx.each(ResourceTypes.PG_RELATION, db.relations(), r -> r.schema() + "." + r.name(), relations,
                    derived::relation);
            ctx.each(ResourceTypes.PG_FUNCTION, db.functions(),
                    f -> f.schema() + "." + f.name() + "(" + f.identityArguments() + ")", functions,
                    derived::function);
            ctx.each(ResourceTypes.PG_DEFAULT_ACL, db.defaultAcls(),
                    d -> d.role() + ":" + d.schema().orElse("*") + ":" + d.objectType(), defaultAcls);
        }
        byType.put(ResourceTypes.PG_DATABASE, dbs);
        byType.put(ResourceTypes.PG_ROLE, roles);
        byType.put(ResourceTypes.PG_SCHEMA, schemas);
        byType.put(ResourceTypes.PG_RELATION, relations);
        byType.put(ResourceTypes.PG_FUNCTION, functions);
        byType.put(ResourceTypes.PG_DEFAULT_ACL, defaultAcls);
    }

    private record Context(PgDatabase db, String account, String region, EnvironmentChoice env, PgUnknowns unknown) {
        /**
         * The view of one object, named {@code <database id>/<name>} (the database itself: its id), as the
         * collector names the resource of a per-resource error. A field the collector could not read is left
         * out: its inventory value (an empty list) would read as "none".
         */
        ResourceView view(String type, String name, Map<String, Object> facts) {
            String id = name.isEmpty() ? db.id() : db.id() + "/" + name;
            unknown.fields(id).forEach(facts::remove);
            facts.put("database", db.id());
            facts.put("environment", env.name());
            String locator = "postgresql://" + db.host() + ":" + db.port() + "/" + db.database()
                    + (name.isEmpty() ? "" : "/" + name);
            return new ResourceView(type, id, locator, account, region, db.id(), env, facts);
        }

        <T> void each(String type, List<T> items, Function<T, String> name, List<ResourceView> out) {
            each(type, items, name, out, (item, facts) -> { });
        }

        <T> void each(String type, List<T> items, Function<T, String> name, List<ResourceView> out,
                      BiConsumer<T, Map<String, Object>> derived) {
            for (T item : items) {
                Map<String, Object> facts = Plain.of(item);
                derived.accept(item, facts);
                out.add(view(type, name.apply(item), facts));
            }
        }
    }
}
