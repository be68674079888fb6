package dev.csbot.voc;

import java.time.LocalDate;

/**
 * What one daily campaign run did: prompts queued, prompts the throttle held back ({@code csmTold} of them for the
 * first time, each to the account's CSM), and reminders queued.
 */
public record CampaignDay(LocalDate day, int queued, int heldBack, int csmTold, int reminded) {}
