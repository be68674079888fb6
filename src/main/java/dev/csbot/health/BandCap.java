package dev.csbot.health;

/**
 * Why an account's band is held below what its weighted score would give: "a key metric is poor",
 * an onboarding that stalled, a renewal at risk. {@code reason} is written for a CSM.
 */
public record BandCap(Band band, String reason) {}
