package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every subcommand, at any depth and however it was registered, answers --help with its usage and exit 0. */
class CliHelpTest {

    /** The command paths of the tree as the command line builds it ("serve", "accounts delete", ...). */
    static Stream<String> everySubcommand() {
        List<String> paths = new ArrayList<>();
        collect(CsbotCli.commandLine(false), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            String path = (prefix + " " + name).strip();
            paths.add(path);
            collect(sub, path, paths);
        });
    }

    @ParameterizedTest
    @MethodSource("everySubcommand")
    void answersHelpWithItsUsageOnStdout(String path) {
        List<String> args = new ArrayList<>(List.of(path.split(" ")));
        args.add("--help");

        CliRun run = csbot(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: csbot " + path + " ").contains("-h, --help");
        assertThat(run.err()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void theTreeHoldsTheCommandsTheReadmeNames() {
        assertThat(everySubcommand()).contains("serve", "ask", "import", "demo", "accounts", "accounts delete", "bench",
                "teams-package", "bench-slack");
    }
}
