package io.hipaaaudit.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes one output format from findings-level data only. */
public interface Reporter {
    /** The name used with {@code --format}. */
    String format();

    /**
     * Writes this format into {@code dir} (which exists) and returns the files or folders written, the main one
     * first. Output is deterministic: the same input gives the same bytes.
     */
    List<Path> write(ReportInput input, Path dir) throws IOException;
}
