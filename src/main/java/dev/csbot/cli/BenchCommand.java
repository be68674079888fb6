package dev.csbot.cli;

import java.io.PrintWriter;
import org.springframework.stereotype.Component;

/** {@code csbot bench}. (Being built.) */
@Component
class BenchCommand {
    int run(int accounts, int days, int samples, PrintWriter out) {
        out.println("csbot: bench is being built");
        return 1;
    }
}
