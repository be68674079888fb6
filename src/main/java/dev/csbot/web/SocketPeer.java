package dev.csbot.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address at the other end of the TCP connection a request came on. {@code getRemoteAddr()} is not
 * that: Tomcat's RemoteIpValve (on once {@code server.forward-headers-strategy} is native, which Spring Boot
 * turns on by itself on Kubernetes) and Spring's ForwardedHeaderFilter rewrite it from
 * {@code X-Forwarded-For}, which any caller can send. Rules of the kind "only this machine" use this instead.
 */
public final class SocketPeer {

    /** The request attribute {@link SocketPeerValve} sets on every request, before any filter or servlet runs. */
    public static final String ATTRIBUTE = SocketPeer.class.getName() + ".address";

    private SocketPeer() {}

    /** The socket's peer address; empty when the request did not come through csbot's Tomcat. */
    public static Optional<String> address(HttpServletRequest request) {
        Object address = request.getAttribute(ATTRIBUTE);
        return address instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    /** True only for a connection from this machine; unknown counts as remote (fails closed). */
    public static boolean isLoopback(HttpServletRequest request) {
        return address(request).map(SocketPeer::isLoopbackLiteral).orElse(false);
    }

    static boolean isLoopbackLiteral(String address) {
        // Only a literal address is looked at, so no name lookup ever happens.
        if (!address.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
