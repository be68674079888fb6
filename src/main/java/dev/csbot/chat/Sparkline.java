package dev.csbot.chat;

import java.util.List;

/** A series drawn as Unicode block characters ("▁▃▅█"): readable in Slack, Teams and a terminal alike. */
public final class Sparkline {

    private static final String BARS = "▁▂▃▄▅▆▇█";

    private Sparkline() {}

    /** Lowest point as the shortest bar, highest as the tallest; a flat series sits mid-height. Empty: "". */
    public static String of(List<Double> points) {
        double min = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = points.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        StringBuilder line = new StringBuilder(points.size());
        for (double point : points) {
            int index = max == min ? BARS.length() / 2
                    : (int) Math.round((point - min) / (max - min) * (BARS.length() - 1));
            line.append(BARS.charAt(index));
        }
        return line.toString();
    }
}
