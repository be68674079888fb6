package dev.csbot.teams;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;

/** Says once, at start-up, that the Teams door was switched off ({@code csbot.teams.enabled=false}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = TeamsConfiguration.ENABLED, havingValue = false)
class TeamsDoorOff {

    TeamsDoorOff() {
        LoggerFactory.getLogger(TeamsDoorOff.class).info("Teams door off (CSBOT_TEAMS_ENABLED=false):"
                + " POST /api/messages answers 404 and csbot neither accepts nor sends Teams activities");
    }
}
