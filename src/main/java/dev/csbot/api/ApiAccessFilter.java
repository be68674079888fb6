package dev.csbot.api;

import dev.csbot.web.SocketPeer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call {@code /api/v1}: with a token configured, whoever sends {@code Authorization: Bearer <token>};
 * without one, only this machine, judged by the socket's own address ({@link SocketPeer}), never by
 * {@code X-Forwarded-For}. Registered for {@code /api/v1/*} only: it never touches {@code /slack/events}
 * (and reads no form parameters anyway).
 */
class ApiAccessFilter extends OncePerRequestFilter {

    private final byte[] token;

    ApiAccessFilter(String token) {
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean tokenRequired() {
        return token != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (token != null) {
            String header = request.getHeader("Authorization");
            String offered = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).trim() : "";
            if (!MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.UTF_8))) {
                response.setHeader("WWW-Authenticate", "Bearer");
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                        "Send the API token as 'Authorization: Bearer <token>' (CSBOT_API_TOKEN)");
                return;
            }
        } else if (!SocketPeer.isLoopback(request)) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "Without CSBOT_API_TOKEN set, the API answers only requests from this machine");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
