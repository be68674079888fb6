package dev.csbot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, in-process: its exit code and what it printed on each stream. */
record CliRun(int exitCode, String out, String err) {

    static CliRun csbot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CsbotCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
