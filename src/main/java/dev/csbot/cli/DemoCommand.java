package dev.csbot.cli;

import java.io.PrintWriter;
import org.springframework.stereotype.Component;

/** {@code csbot demo}. (Being built: see the ingest package.) */
@Component
class DemoCommand {
    int run(int accounts, int days, long seed, PrintWriter out) {
        out.println("csbot: demo is being built");
        return 1;
    }
}
