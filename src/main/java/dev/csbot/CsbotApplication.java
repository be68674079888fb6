package dev.csbot;

import dev.csbot.cli.CsbotCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: the command line decides between the service ({@code serve}) and one-shot commands. */
@SpringBootApplication
public class CsbotApplication {

    public static void main(String[] args) {
        int exitCode = CsbotCli.run(args);
        if (exitCode != CsbotCli.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
