package io.hipaaaudit.analyse.network;

/**
 * Who can reach a database port, least exposed first. NONE: no complete path. RESTRICTED_TO_GROUPS: only members
 * of security groups in the same VPC. VPC_WIDE: address ranges inside the VPC. PEERED_OR_ONPREM: sources behind
 * peering, transit gateway, VPN, endpoints or an appliance. INTERNET: a public source has a complete path.
 */
public enum Exposure {
    NONE, RESTRICTED_TO_GROUPS, VPC_WIDE, PEERED_OR_ONPREM, INTERNET
}
