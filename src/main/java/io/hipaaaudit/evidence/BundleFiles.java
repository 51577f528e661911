package io.hipaaaudit.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The bundle's file names and hashes, shared by the writer and the verifier so both agree on them. */
final class BundleFiles {
    static final String MANIFEST = "manifest.json";

    private BundleFiles() {}

    /** {@code aws/<region>/<service>.json}: one file per SDK client, so the layout follows the scan, not timing. */
    static String awsFile(String region, String service) {
        return "aws/" + slug(region) + "/" + slug(service) + ".json";
    }

    /** {@code postgres/<nn>-<target>.json}: numbered so that replay collects the targets in the recorded order. */
    static String databaseFile(int index, String target) {
        return "postgres/" + String.format(Locale.ROOT, "%02d", index + 1) + "-" + slug(target) + ".json";
    }

    /** Body of an AWS file. */
    record AwsFile(List<HttpExchange> exchanges) {
        AwsFile {
            exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
        }
    }

    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
