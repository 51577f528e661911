package io.hipaaaudit.collect.aws;

/**
 * An answer that lacks a field the collector needs. Thrown inside a {@link RegionScope} call, it is recorded like
 * a failed call (code {@code MissingField}, "DescribeDBInstances answered without DBInstances"), so a broken
 * answer leaves its facts unknown instead of reading as "none" or ending the scan.
 */
final class MissingField extends RuntimeException {
    static final String CODE = "MissingField";

    private final String field;

    MissingField(String field) {
        super(field, null, false, false);
        this.field = field;
    }

    /** The value, or a MissingField naming {@code field} (as the API spells it) when the answer lacks it. */
    static <T> T require(T value, String field) {
        if (value == null) {
            throw new MissingField(field);
        }
        return value;
    }

    /**
     * A page's list, or a MissingField naming {@code field} when the page lacks it: the SDK gives an empty list for
     * an absent one too, and only {@code hasXxx()} ({@code present}) tells "none" from "not answered".
     */
    static <T> java.util.List<T> listed(boolean present, java.util.List<T> items, String field) {
        if (!present) {
            throw new MissingField(field);
        }
        return items;
    }

    String field() {
        return field;
    }

    /** "DescribeKey answered without KeyMetadata" for {@code kms:DescribeKey}. */
    static String message(String operation, String field) {
        return operation.substring(operation.indexOf(':') + 1) + " answered without " + field;
    }
}
