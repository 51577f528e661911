package io.hipaaaudit.inventory.aws;

import io.hipaaaudit.inventory.Nulls;

/** A database endpoint: DNS address and port (the port comes from the resource; 5432 is never assumed). */
public record Endpoint(String address, int port) {
    public Endpoint {
        address = Nulls.str(address);
    }
}
