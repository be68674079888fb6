package dev.csbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core knows nothing of chat SDKs, SQL libraries or the web; adapters depend on it, never the reverse. */
@AnalyzeClasses(packages = "dev.csbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"dev.csbot.account..", "dev.csbot.health..", "dev.csbot.review..",
        "dev.csbot.alerts..", "dev.csbot.voc..", "dev.csbot.chat..", "dev.csbot.settings.."};

    @ArchTest
    static final ArchRule coreImportsNoChatSdkStoreOrWebFramework = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.slack..", "com.microsoft.bot..", "org.jdbi..", "org.springframework..", "jakarta.servlet..",
                    "java.sql..", "io.micrometer..", "io.swagger..", "org.postgresql..")
            .because("the core is channel-neutral and storage-neutral, and knows nothing of metrics or API documents;"
                    + " adapters translate");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.csbot.slack..", "dev.csbot.teams..",
                    "dev.csbot.store..", "dev.csbot.api..", "dev.csbot.cli..", "dev.csbot.ingest..", "dev.csbot.ops..")
            .because("adapters depend on the core, never the reverse");

    @ArchTest
    static final ArchRule slackAndTeamsDoNotKnowEachOther = noClasses()
            .that().resideInAPackage("dev.csbot.slack..")
            .should().dependOnClassesThat().resideInAPackage("dev.csbot.teams..");

    @ArchTest
    static final ArchRule teamsDoesNotKnowSlack = noClasses()
            .that().resideInAPackage("dev.csbot.teams..")
            .should().dependOnClassesThat().resideInAPackage("dev.csbot.slack..");
}
