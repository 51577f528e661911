package io.hipaaaudit.inventory.aws;

import java.util.Map;

/** What every AWS resource in the inventory carries: where it lives, its identity and its tags. */
public interface AwsResource {
    String account();

    String region();

    String id();

    /** The ARN, or a synthetic {@code arn:aws:<service>:<region>:<account>:<type>/<id>} where AWS has none. */
    String arn();

    Map<String, String> tags();
}
