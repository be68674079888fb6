package dev.csbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** {@code csbot import DIR}. (Being built: see the ingest package.) */
@Component
class ImportCommand {
    int run(Path directory, PrintWriter out, PrintWriter err) {
        err.println("csbot: import is being built");
        return 1;
    }
}
