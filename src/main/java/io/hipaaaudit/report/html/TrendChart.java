package io.hipaaaudit.report.html;

import io.hipaaaudit.findings.Status;
import io.hipaaaudit.history.ScanRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts per status over the recorded scans, oldest first, as one SVG polyline per status. Points are computed
 * here; the template only writes them into {@code points} attributes.
 */
public record TrendChart(int width, int height, long max, List<Series> series, List<Tick> ticks) {
    static final int LEFT = 48;
    static final int TOP = 10;
    static final int PLOT_W = 560;
    static final int PLOT_H = 160;

    public TrendChart {
        series = List.copyOf(series);
        ticks = List.copyOf(ticks);
    }

    /** A status's line (and a dot per scan, so a single scan still shows) and its last value. */
    public record Series(String css, String label, String points, List<Point> dots, long last) {
        public Series {
            dots = List.copyOf(dots);
        }
    }

    /** A point of a series, with the count it stands for. */
    public record Point(int x, int y, long count) {}

    /** An x-axis label: the scan's history id and date. */
    public record Tick(int x, String label) {}

    public int plotBottom() {
        return TOP + PLOT_H;
    }

    public int plotRight() {
        return LEFT + PLOT_W;
    }

    static TrendChart of(List<ScanRow> scans) {
        long max = Math.max(1, scans.stream().flatMap(s -> s.counts().values().stream())
                .mapToLong(Long::longValue).max().orElse(1));
        List<Series> series = new ArrayList<>();
        for (Status s : Status.values()) {
            StringBuilder points = new StringBuilder();
            List<Point> dots = new ArrayList<>();
            long last = 0;
            for (int i = 0; i < scans.size(); i++) {
                last = scans.get(i).counts().getOrDefault(s.name(), 0L);
                Point p = new Point(x(i, scans.size()), TOP + PLOT_H - (int) Math.round((double) last * PLOT_H / max), last);
                points.append(i == 0 ? "" : " ").append(p.x()).append(',').append(p.y());
                dots.add(p);
            }
            series.add(new Series(StatusCount.css(s), StatusCount.label(s), points.toString(), dots, last));
        }
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, (scans.size() + 5) / 6); // at most about six labels, so they never overlap
        for (int i = 0; i < scans.size(); i += step) {
            ScanRow r = scans.get(i);
            ticks.add(new Tick(x(i, scans.size()), "#" + r.id() + " " + r.recordedAt().toString().substring(0, 10)));
        }
        return new TrendChart(LEFT + PLOT_W + 80, TOP + PLOT_H + 40, max, series, ticks);
    }

    private static int x(int i, int n) {
        return n <= 1 ? LEFT + PLOT_W / 2 : LEFT + (int) Math.round((double) i * PLOT_W / (n - 1));
    }
}
