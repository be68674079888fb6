package dev.csbot.voc;

import java.time.LocalDate;

/**
 * What one daily campaign run did: prompts queued, and prompts the throttle held back ({@code csmTold} of them for
 * the first time, each to the account's CSM).
 */
public record CampaignDay(LocalDate day, int queued, int heldBack, int csmTold) {}
