package dev.csbot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked on the exact bytes Slack sent: {@code v0=} and the lowercase hex of
 * HMAC-SHA256(signing secret, {@code "v0:" + timestamp + ":" + body}), compared in constant time, with a
 * timestamp at most five minutes from now either way.
 *
 * <p>Not the SDK's {@code SlackSignature.Verifier}: that one hashes a decoded String with the platform's
 * default charset (so a body that is not valid UTF-8 cannot be verified as sent), accepts timestamps from
 * any time in the future, and compares with {@code equals}. Judged against the same vectors in tests.
 */
final class SlackRequestSignature {

    /** Slack's replay window; the SDKs disagree at exactly 300 s, we accept it. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(300);

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    SlackRequestSignature(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a Slack signing secret is required to verify requests");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** True when {@code signature} is Slack's for this timestamp and body, and the timestamp is fresh. */
    boolean isValid(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || !fresh(timestamp)) {
            return false;
        }
        Mac mac = macs.get();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        byte[] digest = mac.doFinal(body);
        byte[] expected = new byte[3 + 2 * digest.length];
        expected[0] = 'v';
        expected[1] = '0';
        expected[2] = '=';
        for (int i = 0; i < digest.length; i++) {
            expected[3 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
            expected[4 + 2 * i] = HEX[digest[i] & 0xf];
        }
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private boolean fresh(String timestamp) {
        if (timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long skew = Math.abs(clock.millis() / 1000 - Long.parseLong(timestamp));
        return skew <= MAX_CLOCK_SKEW.toSeconds();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
