package dev.csbot.voc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque token a prompt's button carries: 128 random bits, URL-safe, 22 characters. The store keeps only
 * its SHA-256, so a copy of the database cannot answer prompts, and a lookup never compares secrets.
 */
final class PromptToken {

    static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16," + MAX_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PromptToken() {}

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code token} could be one of ours at all (checked before anything is looked up). */
    static boolean wellFormed(String token) {
        return token != null && token.length() <= MAX_LENGTH && SHAPE.matcher(token).matches();
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }
}
