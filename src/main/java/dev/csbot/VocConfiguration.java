package dev.csbot;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertRules;
import dev.csbot.chat.CampaignNoteContent;
import dev.csbot.chat.DetractorFollowUps;
import dev.csbot.chat.LoopMessageContent;
import dev.csbot.chat.PromptDeliveryContent;
import dev.csbot.store.ScheduledJobLock;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.FeedbackStore;
import dev.csbot.voc.PromptCatalog;
import dev.csbot.voc.PromptLoader;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.ThemeCatalog;
import dev.csbot.voc.ThemeLoader;
import dev.csbot.voc.VocService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Voice of the Customer: the prompts and themes (a bad file stops start-up), the service, and what the
 * outbox delivers for it (prompts, reminders, loop-closing updates, notes to CSMs). The service ({@code serve})
 * also runs the daily campaign.
 */
@Configuration(proxyBeanMethods = false)
class VocConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VocConfiguration.class);

    /** The shipped prompts, or the directory {@code csbot.prompts} (CSBOT_PROMPTS) instead. */
    @Bean
    PromptCatalog promptCatalog(@Value("${csbot.prompts:}") String directory) {
        if (directory.isBlank()) {
            return PromptLoader.shipped();
        }
        PromptCatalog catalog = PromptLoader.fromDirectory(Path.of(directory.trim()));
        log.info("Feedback prompts: {} read from {}", catalog.ids(), catalog.source());
        return catalog;
    }

    /** The shipped themes, with {@code csbot.voc.themes} (CSBOT_VOC_THEMES) laid over them. */
    @Bean
    ThemeCatalog themeCatalog(@Value("${csbot.voc.themes:}") String overrideFile) {
        if (overrideFile.isBlank()) {
            return ThemeLoader.defaults();
        }
        log.info("VoC themes: defaults overridden by {}", overrideFile);
        return ThemeLoader.withOverrides(Path.of(overrideFile.trim()));
    }

    /**
     * A contact known only by email (a send from the command line, a campaign, imported feedback) is reached on
     * Slack when Slack is set up, else on Teams: the alerts' order for direct messages.
     */
    @Bean
    VocService vocService(PromptCatalog prompts, ThemeCatalog themes, AccountRepository accounts, PromptSends sends,
            FeedbackStore feedback, FeedbackLoop loop, Clock clock, OutboxDeliveries deliveries,
            @Value("${slack.bot-token:}") String slackToken, @Value("${csbot.slack.enabled:true}") boolean slackDoor,
            @Value("${microsoft.app-id:}") String teamsAppId) {
        boolean slack = slackDoor && !slackToken.isBlank();
        String platform = !slack && !teamsAppId.isBlank() ? "teams" : "slack";
        return new VocService(prompts, themes, accounts, sends, feedback, loop, clock, platform, deliveries::wake);
    }

    /** The answers behind detractor alerts, over the detractor rule's own window. */
    @Bean
    DetractorFollowUps detractorFollowUps(FeedbackStore feedback, AlertRules rules, Clock clock) {
        return new DetractorFollowUps(feedback, rules.rules().detractorFeedback().lookbackDays(), clock);
    }

    @Bean
    PromptDeliveryContent promptContent(PromptSends sends, PromptCatalog prompts, Clock clock) {
        return PromptDeliveryContent.prompts(sends, prompts, clock);
    }

    @Bean
    PromptDeliveryContent reminderContent(PromptSends sends, PromptCatalog prompts, Clock clock) {
        return PromptDeliveryContent.reminders(sends, prompts, clock);
    }

    @Bean
    LoopMessageContent loopMessageContent(FeedbackLoop loop) {
        return new LoopMessageContent(loop);
    }

    @Bean
    CampaignNoteContent campaignNoteContent(PromptSends sends) {
        return new CampaignNoteContent(sends);
    }

    /** Only in the service: the daily campaign run and the reminders. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Scheduled {

        @Bean
        VocSchedule vocSchedule(VocService voc, ScheduledJobLock lock, Clock clock,
                @Value("${csbot.voc.cron:0 0 9 * * *}") String cron, @Value("${csbot.voc.zone:}") String zone,
                @Value("${csbot.voc.reminders-every:1h}") Duration reminders) {
            return new VocSchedule(voc, lock, clock, cron, zone, reminders);
        }
    }
}
