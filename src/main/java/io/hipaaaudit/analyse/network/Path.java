package io.hipaaaudit.analyse.network;

/**
 * One way a source reaches the database port, hop by hop, naming what an auditor can look up: the gateway, the
 * route (table, destination as written, target), the subnet, the ACL entries in and out, the security-group rule.
 */
public record Path(Exposure exposure, String source, String gateway, String route, String subnet, String aclIn,
                   String aclOut, String securityGroup, String rule, int port) {

    public String text() {
        return source + " -> " + gateway + " -> [" + route + "] -> " + subnet + " -> [" + aclIn + " / " + aclOut
                + "] -> [" + rule + "] -> tcp/" + port;
    }

    public java.util.Map<String, Object> facts() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("exposure", exposure.name());
        m.put("source", source);
        m.put("gateway", gateway);
        m.put("route", route);
        m.put("subnet", subnet);
        m.put("aclIn", aclIn);
        m.put("aclOut", aclOut);
        m.put("securityGroup", securityGroup);
        m.put("rule", rule);
        m.put("port", (long) port);
        m.put("text", text());
        return m;
    }
}
