package io.hipaaaudit.analyse.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Reading and writing prefixes as text, strictly: anything that is not an address literal is rejected, never looked up. */
final class CidrText {
    private CidrText() {}

    /** Inventory text repeats (every ACL entry is consulted per source): parse each distinct string once. */
    private static final java.util.Map<String, Cidr> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    static Cidr parse(String text) {
        Cidr known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        Cidr c = parseText(text);
        if (PARSED.size() < 100_000) {
            PARSED.put(text, c);
        }
        return c;
    }

    private static Cidr parseText(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        boolean v6 = addr.contains(":");
        int prefix = slash < 0 ? (v6 ? 128 : 32) : Integer.parseInt(s.substring(slash + 1));
        byte[] b = v6 ? v6Bytes(addr, text) : v4Bytes(addr, text);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < b.length; i++) {
            int v = b[i] & 0xff;
            if (b.length == 16 && i < 8) {
                hi = (hi << 8) | v;
            } else {
                lo = (lo << 8) | v;
            }
        }
        return new Cidr(v6, hi, lo, prefix);
    }

    private static byte[] v4Bytes(String addr, String text) {
        String[] octets = addr.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!digits(octets[i]) || Integer.parseInt(octets[i]) > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            b[i] = (byte) Integer.parseInt(octets[i]);
        }
        return b;
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] v6Bytes(String addr, String text) {
        if (!addr.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        try {
            // an IPv6 literal (it contains ':') is parsed, never looked up in DNS
            byte[] b = InetAddress.getByName("[" + addr + "]").getAddress();
            if (b.length == 4) {
                // Java hands back ::ffff:a.b.c.d as an IPv4 address; keep it in the IPv6 family it was written in
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + text, e);
        }
    }

    static String format(Cidr c) {
        long hi = c.hi();
        long lo = c.lo();
        int prefix = c.prefix();
        if (!c.v6()) {
            return ((lo >>> 24) & 0xff) + "." + ((lo >>> 16) & 0xff) + "." + ((lo >>> 8) & 0xff) + "." + (lo & 0xff)
                    + "/" + prefix;
        }
        // formatted by hand: InetAddress would print an IPv4-mapped address as plain IPv4 and lose the family
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            long word = i < 4 ? hi >>> (48 - 16 * i) : lo >>> (48 - 16 * (i - 4));
            groups[i] = Long.toHexString(word & 0xffff);
        }
        return compress(String.join(":", groups)) + "/" + prefix;
    }

    /** The RFC 5952 form AWS and people write: the longest run of two or more zero groups becomes {@code ::}. */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < parts.length; i++) {
            int j = i;
            while (j < parts.length && parts[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }
}
