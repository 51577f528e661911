package io.hipaaaudit.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an input file with a size limit, checked before any parsing: a parser given hundreds of megabytes of YAML
 * takes minutes, so an oversized file is refused at once with one line naming the file and the limit. The limit
 * fits what each kind of file holds: a configuration or a rule is hand-written, a snapshot or an evidence file
 * holds a whole account.
 */
public final class InputFiles {
    private static final long MIB = 1024 * 1024;

    /** The kinds of input file, each with the noun its messages use and its limit in bytes. */
    public enum Kind {
        CONFIG("the configuration file", MIB),
        DB_POLICY("the database policy", MIB),
        RULE("rule file", MIB),
        FIXTURE("fixture", 16 * MIB),
        PASSWORD("the database password file", 64 * 1024),
        SNAPSHOT("snapshot", 1024 * MIB),
        TEMPLATE("template", 64 * MIB),
        FINDINGS("findings", 1024 * MIB),
        MANIFEST("the evidence manifest", 64 * MIB, false),
        EVIDENCE("evidence", 1024 * MIB, false);

        private final String noun;
        private final long limit;
        /** Evidence is read from regular files only, never through a link that may point out of the bundle. */
        private final boolean followLinks;

        Kind(String noun, long limit) {
            this(noun, limit, true);
        }

        Kind(String noun, long limit, boolean followLinks) {
            this.noun = noun;
            this.limit = limit;
            this.followLinks = followLinks;
        }

        public long limit() {
            return limit;
        }
    }

    private InputFiles() {}

    public static String readString(Path file, Kind kind) {
        return new String(readBytes(file, kind), StandardCharsets.UTF_8);
    }

    /**
     * The file's bytes. The size is checked before reading and the read stops one byte past the limit, so a file
     * that grows, a device or a pipe cannot get past it either.
     */
    public static byte[] readBytes(Path file, Kind kind) {
        try {
            if (!kind.followLinks && Files.isSymbolicLink(file)) {
                throw new InputException(file + ": a symbolic link; " + kind.noun + " is read from regular files only");
            }
            if (Files.isRegularFile(file) && Files.size(file) > kind.limit) {
                throw tooLarge(file, kind);
            }
            OpenOption[] options = kind.followLinks ? new OpenOption[0] : new OpenOption[] {LinkOption.NOFOLLOW_LINKS};
            try (InputStream in = Files.newInputStream(file, options)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, kind.limit + 1));
                if (bytes.length > kind.limit) {
                    throw tooLarge(file, kind);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": cannot read " + kind.noun + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read " + kind.noun + ": " + e.getMessage());
        }
    }

    private static InputException tooLarge(Path file, Kind kind) {
        return new InputException(file + ": " + kind.noun + " is larger than its limit of " + size(kind.limit));
    }

    static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : String.format(Locale.ROOT, "%d KiB", bytes / 1024);
    }
}
