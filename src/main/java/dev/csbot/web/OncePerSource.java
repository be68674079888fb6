package dev.csbot.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Which sources a door has already said something about: a refusal is logged the first time a source is
 * refused, not on every request, so a stranger hammering the port cannot fill the log. Bounded in memory.
 */
public final class OncePerSource {

    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    /** True the first time (in the last hour) this source is reported. */
    public boolean first(String source) {
        return seen.asMap().putIfAbsent(source == null ? "unknown" : source, Boolean.TRUE) == null;
    }
}
