package dev.csbot.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a request body up to a limit, and no further: a declared length past the limit is refused before
 * a byte is read, and a body without one is cut off one byte past the limit. Nothing of it is logged.
 */
public final class BoundedBody {

    /** The body was longer than the limit (HTTP 413). */
    public static final class TooLarge extends Exception {
        TooLarge(int limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
        }
    }

    private BoundedBody() {}

    public static byte[] read(HttpServletRequest request, int limit) throws IOException, TooLarge {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new TooLarge(limit);
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared : Math.min(limit + 1, 8192)];
        int length = 0;
        InputStream in = request.getInputStream();
        while (true) {
            if (length == buffer.length) {
                // Full: one more byte says whether the body goes on (a declared length is usually exact).
                int next = in.read();
                if (next < 0) {
                    break;
                }
                if (length >= limit) {
                    throw new TooLarge(limit);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit + 1L, Math.max(16L, 2L * buffer.length + 1)));
                buffer[length++] = (byte) next;
                continue;
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
            if (length > limit) {
                throw new TooLarge(limit);
            }
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    /**
     * Answers 413 with a JSON error and sends it at once: the rest of the body is never read, so Tomcat
     * closes the connection after the response, and the response must be on the wire before that.
     */
    public static void refuse(HttpServletResponse response, String message) throws IOException {
        byte[] json = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
