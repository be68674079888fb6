package dev.csbot.web;

/** Reading csbot's console log lines (the pattern in application.yml: timestamp, level, thread, logger, message). */
public final class LogLines {

    private LogLines() {}

    /** The level is the second field (a forged text may say "ERROR" anywhere else in the line). */
    public static boolean warnOrAbove(String line) {
        return line.matches("^\\S+\\s+(WARN|ERROR) .*");
    }
}
