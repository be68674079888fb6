package dev.csbot.alerts;

import java.time.Duration;
import java.util.Optional;

/** Why a delivery did not happen, and whether trying again can help. */
public final class DeliveryFailure extends Exception {

    public enum Kind {
        /** A passing fault (network, 5xx, rate limit): try again later. */
        RETRY,
        /** The target can never take this (not found, not allowed): park it with the reason. */
        PERMANENT,
        /** Refused on purpose: the conversation is shared with another organisation. Park it with the reason. */
        REFUSED
    }

    private final Kind kind;
    private final Optional<Duration> retryAfter;
    private final boolean mayHavePosted;

    private DeliveryFailure(Kind kind, String reason, Optional<Duration> retryAfter, boolean mayHavePosted,
            Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.mayHavePosted = mayHavePosted;
    }

    /** The platform answered that it did not take the message (a 5xx, an error it may not repeat). */
    public static DeliveryFailure retry(String reason, Throwable cause) {
        return new DeliveryFailure(Kind.RETRY, reason, Optional.empty(), false, cause);
    }

    /** No answer (timeout, connection lost): the message may have been posted; look before posting again. */
    public static DeliveryFailure uncertain(String reason, Throwable cause) {
        return new DeliveryFailure(Kind.RETRY, reason, Optional.empty(), true, cause);
    }

    /** The platform said when to come back (Slack 429 Retry-After). */
    public static DeliveryFailure retryAfter(String reason, Duration after) {
        return new DeliveryFailure(Kind.RETRY, reason, Optional.of(after), false, null);
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(Kind.PERMANENT, reason, Optional.empty(), false, null);
    }

    public static DeliveryFailure refused(String reason) {
        return new DeliveryFailure(Kind.REFUSED, reason, Optional.empty(), false, null);
    }

    public boolean mayHavePosted() {
        return mayHavePosted;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
