package io.hipaaaudit.template;

import java.util.Map;

/**
 * A resource of a template being mapped: its logical id (also its synthetic id in the inventory), its
 * CloudFormation type, the inventory type it maps to, and the scope (stack as account, region) it lives in.
 */
record Resource(String logicalId, String type, String inventoryType, String account, String region,
                Map<String, String> tags) {
    /** {@code DBInstance} for {@code AWS::RDS::DBInstance}. */
    String shortType() {
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
