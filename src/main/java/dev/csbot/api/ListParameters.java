package dev.csbot.api;

import dev.csbot.chat.BookLists;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The query parameters of the list endpoints, checked before any work: a parameter the endpoint does not take,
 * or a value outside what it allows, is a 400 that names both (never silently ignored, which would answer a
 * question nobody asked). The slice parameters are those of chat's {@code /risks} and {@code /renewals}.
 */
final class ListParameters {

    static final String SEGMENT = "segment";
    static final String OWNER = "owner";
    static final String BAND = "band";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String DAYS = "days";

    /** Past this an offset is surely a mistake; the book is never this large. */
    static final int MAX_OFFSET = 1_000_000;

    /** The parameters as given, or the problem with them. */
    record Parsed(Predicate<HealthScore> slice, Map<String, String> filters, Map<String, Integer> numbers,
            Optional<String> problem) {

        int number(String name) {
            return numbers.get(name);
        }
    }

    private ListParameters() {}

    /** {@code numbers}: each number parameter this endpoint takes with its default, minimum and maximum. */
    static Parsed parse(String endpoint, Map<String, String[]> given, List<String> sliceNames,
            Map<String, int[]> numbers) {
        List<String> allowed = new java.util.ArrayList<>(sliceNames);
        allowed.addAll(numbers.keySet());
        Predicate<HealthScore> slice = h -> true;
        Map<String, String> filters = new LinkedHashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        numbers.forEach((name, rule) -> values.put(name, rule[0]));
        for (Map.Entry<String, String[]> parameter : given.entrySet()) {
            String name = parameter.getKey();
            if (!allowed.contains(name)) {
                return problem("unknown parameter '" + shown(name) + "': " + endpoint + " takes "
                        + String.join(", ", allowed));
            }
            if (parameter.getValue().length != 1) {
                return problem("give " + name + " once");
            }
            String value = parameter.getValue()[0].strip();
            if (numbers.containsKey(name)) {
                int[] rule = numbers.get(name);
                Optional<Integer> number = wholeNumber(value).filter(n -> n >= rule[1] && n <= rule[2]);
                if (number.isEmpty()) {
                    return problem(name + " must be a whole number from " + rule[1] + " to " + rule[2] + " (got '"
                            + shown(value) + "')");
                }
                values.put(name, number.get());
                continue;
            }
            Optional<Predicate<HealthScore>> filter = switch (name) {
                case SEGMENT -> BookLists.segment(value).map(segment -> {
                    filters.put(SEGMENT, segment.label());
                    return (Predicate<HealthScore>) h -> h.account().segment() == segment;
                });
                case OWNER -> BookLists.owner(value).map(owner -> {
                    filters.put(OWNER, value.toLowerCase(Locale.ROOT));
                    return owner;
                });
                case BAND -> Arrays.stream(Band.values()).filter(b -> b.label().equalsIgnoreCase(value)).findFirst()
                        .map(band -> {
                            filters.put(BAND, band.label());
                            return (Predicate<HealthScore>) h -> h.band() == band;
                        });
                default -> throw new IllegalStateException("no filter named " + name);
            };
            if (filter.isEmpty()) {
                return problem("unknown " + name + " '" + shown(value) + "': expected " + expected(name));
            }
            slice = slice.and(filter.get());
        }
        return new Parsed(slice, filters, values, Optional.empty());
    }

    private static String expected(String name) {
        return switch (name) {
            case SEGMENT -> "one of " + BookLists.knownSegments();
            case OWNER -> "a CSM's email address, or unassigned";
            case BAND -> "one of " + Arrays.stream(Band.values()).map(Band::label).collect(Collectors.joining(", "));
            default -> "";
        };
    }

    private static Optional<Integer> wholeNumber(String value) {
        if (!value.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }

    private static Parsed problem(String message) {
        return new Parsed(h -> false, Map.of(), Map.of(), Optional.of(message));
    }

    /** At most 60 characters of what the caller sent, so a huge parameter does not come back whole. */
    private static String shown(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}]", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }
}
