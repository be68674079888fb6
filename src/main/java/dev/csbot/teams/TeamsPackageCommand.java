package dev.csbot.teams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code csbot teams-package}: writes the Teams app package (zip) to upload in Teams. No store needed. */
@Command(name = "teams-package", description = "Build the Microsoft Teams app package (zip) to upload in Teams.")
public final class TeamsPackageCommand implements Callable<Integer> {

    @Option(names = "--app-id", paramLabel = "ID", defaultValue = "${env:MICROSOFT_APP_ID}",
            description = "the Azure Bot's Microsoft App ID, a GUID (default: env MICROSOFT_APP_ID)")
    String appId;

    @Option(names = "--website-url", paramLabel = "URL", defaultValue = "${env:CSBOT_WEBSITE_URL}",
            description = "an https page about csbot in your organization, shown in Teams' app details"
                    + " (default: env CSBOT_WEBSITE_URL)")
    String websiteUrl;

    @Option(names = "--manifest-dir", paramLabel = "DIR", defaultValue = "manifests/teams",
            description = "where manifest.json and the icons are (default: manifests/teams)")
    Path manifestDirectory;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "csbot-teams.zip",
            description = "the zip to write (default: csbot-teams.zip)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] zip;
        try {
            zip = TeamsAppPackage.build(manifestDirectory, appId, websiteUrl);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("csbot: " + e.getMessage());
            return 2;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, zip);
        spec.commandLine().getOut().println("Wrote " + out + ": upload it in Teams (Apps > Manage your apps >"
                + " Upload an app) or in the Teams admin center.");
        return 0;
    }
}
