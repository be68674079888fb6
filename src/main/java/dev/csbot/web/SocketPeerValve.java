package dev.csbot.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Records the socket's peer address on every request. Tomcat's {@code getPeerAddr()} is the connection's
 * own address, which RemoteIpValve leaves alone (it rewrites only the remote address), whatever order the
 * valves run in.
 */
public final class SocketPeerValve extends ValveBase {

    public SocketPeerValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        request.setAttribute(SocketPeer.ATTRIBUTE, request.getPeerAddr());
        getNext().invoke(request, response);
    }
}
