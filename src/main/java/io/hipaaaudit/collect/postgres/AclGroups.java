package io.hipaaaudit.collect.postgres;

import io.hipaaaudit.inventory.pg.AclItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Folds the rows of an "object left join lateral aclexplode(...)" query, one row per ACL entry, back into one
 * value per object. {@code H} holds what the object's first row says about it; the ACL entries of all its rows
 * are collected in server order.
 */
final class AclGroups<K, H> {
    @FunctionalInterface
    interface Extractor<T> {
        T get(ResultSet row) throws SQLException;
    }

    private final Map<K, H> heads = new LinkedHashMap<>();
    private final Map<K, List<AclItem>> acls = new LinkedHashMap<>();

    void add(ResultSet row, K key, Extractor<H> head) throws SQLException {
        if (!heads.containsKey(key)) {
            heads.put(key, head.get(row));
            acls.put(key, new ArrayList<>());
        }
        AclItem item = CatalogSql.aclItem(row);
        if (item != null) {
            acls.get(key).add(item);
        }
    }

    <T> List<T> build(BiFunction<H, List<AclItem>, T> combine) {
        List<T> out = new ArrayList<>(heads.size());
        heads.forEach((key, head) -> out.add(combine.apply(head, acls.get(key))));
        return out;
    }

    H head(K key) {
        return heads.get(key);
    }

    List<AclItem> acl(K key) {
        return acls.getOrDefault(key, List.of());
    }
}
