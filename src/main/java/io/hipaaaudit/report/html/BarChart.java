package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A horizontal stacked bar chart drawn as inline SVG: geometry is computed here so the template only copies numbers
 * into attributes (no inline styles: colours come from the status classes in the hashed stylesheet).
 */
public record BarChart(int width, int height, int labelWidth, List<Bar> bars) {
    static final int ROW = 22;
    static final int LABEL = 190;
    static final int PLOT = 420;

    public BarChart {
        bars = List.copyOf(bars);
    }

    /** One labelled bar; {@code y} is its top, {@code textY} the label's baseline. */
    public record Bar(String label, long total, int y, int textY, int totalX, List<Segment> segments) {
        public Bar {
            segments = List.copyOf(segments);
        }
    }

    /** One status's part of a bar. */
    public record Segment(String css, int x, int width, String title) {}

    /** A chart of the given rows (label → statuses), scaled to the largest row. */
    static BarChart of(Map<String, ? extends Collection<Status>> rows) {
        long max = rows.values().stream().mapToLong(Collection::size).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (var row : rows.entrySet()) {
            List<Segment> segments = new ArrayList<>();
            int x = LABEL;
            for (StatusCount c : StatusCount.all(row.getValue())) {
                if (c.count() == 0) {
                    continue;
                }
                int w = (int) Math.max(1, Math.round((double) c.count() * PLOT / Math.max(1, max)));
                segments.add(new Segment(c.css(), x, w, c.label() + ": " + c.count()));
                x += w;
            }
            bars.add(new Bar(Text.visible(row.getKey()), row.getValue().size(), y, y + 15, x + 6, segments));
            y += ROW;
        }
        return new BarChart(LABEL + PLOT + 60, Math.max(y, ROW), LABEL - 8, bars);
    }
}
