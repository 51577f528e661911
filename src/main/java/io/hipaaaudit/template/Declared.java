package io.hipaaaudit.template;

import java.util.Map;

/**
 * One resource as declared: its logical id, type, properties with the intrinsics resolved, and its tags
 * (declared {@code Tags} plus the {@code aws:cloudformation:*} tags CloudFormation adds, by which a later scan of the
 * deployed stack pairs the resource with its declaration), and the stack (nested: {@code root/NestedLogicalId}) and
 * file that declare it.
 */
record Declared(String logicalId, String type, Map<String, Object> properties, Map<String, String> tags,
                String stack, String file, int line) {}
