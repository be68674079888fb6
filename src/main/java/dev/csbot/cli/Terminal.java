package dev.csbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process writes its stderr to a person's terminal (progress lines are for people, not logs). */
final class Terminal {

    private Terminal() {}

    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(stderr)) {
                String target = Files.readSymbolicLink(stderr).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc (macOS, Windows): fall back on the console below
        }
        // Java 17 has a console only when both stdin and stdout are terminals: near enough where /proc is missing.
        return System.console() != null;
    }
}
