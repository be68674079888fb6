package dev.csbot.cli;

import dev.csbot.ingest.AccountDeletion;
import dev.csbot.store.StoreBusy;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code csbot accounts delete ID}: changes to accounts that are not imports. */
@Command(name = "accounts", description = "Manage accounts in the store.", subcommands = AccountsCli.Delete.class)
final class AccountsCli implements Callable<Integer> {

    @CommandLine.ParentCommand
    CsbotCli parent;

    @CommandLine.Mixin
    CsbotCli.StoreOption store = new CsbotCli.StoreOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("csbot: say what to do with accounts, for example: csbot accounts delete"
                + " ID");
        spec.commandLine().usage(spec.commandLine().getErr());
        return CsbotCli.USAGE_ERROR;
    }

    @Command(name = "delete", description = "Delete an account and all its signals (contacts, usage, tickets,"
            + " feedback, meetings, success plan, channel links, alerts) in one transaction.")
    static final class Delete implements Callable<Integer> {
        @CommandLine.ParentCommand
        AccountsCli accounts;

        @CommandLine.Mixin
        CsbotCli.StoreOption store = new CsbotCli.StoreOption();

        @Parameters(index = "0", paramLabel = "ID", description = "the account id (as in accounts.csv)")
        String accountId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoreLocation location = accounts.parent.storeOf(false, accounts.store, store);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return accounts.parent.withContext(location, Map.of(), err, context -> {
                Optional<AccountDeletion.Deleted> deleted;
                try {
                    deleted = context.getBean(AccountDeletion.class).delete(accountId, "cli");
                } catch (RuntimeException e) {
                    if (StoreBusy.causedBy(e)) {
                        err.println("csbot: the store stayed busy with another write; nothing was deleted: try again");
                        return 1;
                    }
                    throw e;
                }
                if (deleted.isEmpty()) {
                    err.println("csbot: no account with id '" + accountId + "' in " + location.describe()
                            + "; nothing was deleted");
                    return 1;
                }
                String signals = deleted.get().summary();
                out.println("Deleted " + deleted.get().name() + " (" + accountId + ")"
                        + (signals.isEmpty() ? ", which had no signals." : " and its signals: " + signals + "."));
                out.flush();
                return 0;
            });
        }
    }
}
