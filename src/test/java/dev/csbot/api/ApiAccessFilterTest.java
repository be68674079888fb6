package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.web.SocketPeer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who may call /api/v1: a bearer token when one is set, otherwise only this machine, by the socket's own
 * address (what Tomcat's SocketPeerValve records), never by the remote address a proxy valve may rewrite.
 */
class ApiAccessFilterTest {

    private static MockHttpServletResponse call(ApiAccessFilter filter, String socketAddress, String remoteAddress,
            String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/accounts");
        request.setRemoteAddr(remoteAddress);
        if (socketAddress != null) {
            request.setAttribute(SocketPeer.ATTRIBUTE, socketAddress);
        }
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletResponse call(ApiAccessFilter filter, String address, String authorization)
            throws Exception {
        return call(filter, address, address, authorization);
    }

    @Test
    void withoutATokenOnlyLoopbackCallersGetThrough() throws Exception {
        ApiAccessFilter filter = new ApiAccessFilter("");

        assertThat(call(filter, "127.0.0.1", null).getStatus()).isEqualTo(200);
        assertThat(call(filter, "0:0:0:0:0:0:0:1", null).getStatus()).isEqualTo(200);
        MockHttpServletResponse remote = call(filter, "10.1.2.3", null);
        assertThat(remote.getStatus()).isEqualTo(401);
        assertThat(remote.getContentAsString()).contains("only requests from this machine");
    }

    @Test
    void aRemoteAddressRewrittenToLoopbackDoesNotMakeTheCallerLocal() throws Exception {
        ApiAccessFilter filter = new ApiAccessFilter("");

        // What RemoteIpValve leaves after "X-Forwarded-For: 127.0.0.1" from 10.1.2.3.
        assertThat(call(filter, "10.1.2.3", "127.0.0.1", null).getStatus()).isEqualTo(401);
        // A request that did not come through csbot's Tomcat has no known socket: refused.
        assertThat(call(filter, null, "127.0.0.1", null).getStatus()).isEqualTo(401);
    }

    @Test
    void withATokenEveryCallerMustSendItEvenFromLoopback() throws Exception {
        ApiAccessFilter filter = new ApiAccessFilter("s3cret");

        assertThat(call(filter, "10.1.2.3", "Bearer s3cret").getStatus()).isEqualTo(200);
        assertThat(call(filter, "127.0.0.1", null).getStatus()).isEqualTo(401);
        assertThat(call(filter, "127.0.0.1", "Bearer wrong").getStatus()).isEqualTo(401);
        assertThat(call(filter, "127.0.0.1", "Basic s3cret").getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    }
}
