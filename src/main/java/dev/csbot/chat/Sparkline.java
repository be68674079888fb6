package dev.csbot.chat;

import java.util.List;
import java.util.Optional;

/** A series drawn as Unicode block characters ("▁▃▅█"): readable in Slack, Teams and a terminal alike. */
public final class Sparkline {

    private static final String BARS = "▁▂▃▄▅▆▇█";

    private Sparkline() {}

    /** Lowest point as the shortest bar, highest as the tallest; a flat series sits mid-height. Empty: "". */
    public static String of(List<Double> points) {
        double min = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = points.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max == min) {
            return String.valueOf(BARS.charAt(BARS.length() / 2)).repeat(points.size());
        }
        return draw(points, min, max);
    }

    /** On a fixed scale when there is one (values outside it are drawn at its ends), else as {@link #of(List)}. */
    public static String of(List<Double> points, Optional<ReplyBlock.Scale> scale) {
        return scale.filter(s -> s.max() > s.min()).map(s -> draw(points, s.min(), s.max())).orElseGet(() -> of(points));
    }

    private static String draw(List<Double> points, double min, double max) {
        StringBuilder line = new StringBuilder(points.size());
        for (double point : points) {
            double share = Math.max(0, Math.min(1, (point - min) / (max - min)));
            line.append(BARS.charAt((int) Math.round(share * (BARS.length() - 1))));
        }
        return line.toString();
    }
}
