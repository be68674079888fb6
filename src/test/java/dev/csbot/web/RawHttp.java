package dev.csbot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket, for what java.net.http cannot do: connect from a chosen local address
 * (to be a caller that is not loopback), and send the start of a huge body and read the answer without
 * sending the rest (a server that refuses early answers; one that reads everything would wait).
 */
public final class RawHttp {

    public record Reply(int status, Map<String, String> headers, String body) {}

    private RawHttp() {}

    /**
     * POSTs to {@code host:port}, from {@code from} (null: any local address). With {@code declaredLength}
     * set, only {@code body} is sent of a body that claims to be that long; otherwise the body is sent
     * chunked and left open (no final chunk), as a sender of an endless stream would.
     */
    public static Reply post(InetAddress from, String host, int port, String path, Map<String, String> headers,
            byte[] body, Long declaredLength) {
        return send(from, host, port, "POST", path, headers, body, declaredLength);
    }

    /** A plain request with its whole body (or none), from {@code from}. */
    public static Reply send(InetAddress from, String host, int port, String method, String path,
            Map<String, String> headers, byte[] body) {
        return send(from, host, port, method, path, headers, body, (long) body.length);
    }

    private static Reply send(InetAddress from, String host, int port, String method, String path,
            Map<String, String> headers, byte[] body, Long declaredLength) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(declaredLength != null ? "Content-Length: " + declaredLength + "\r\n" : "Transfer-Encoding: chunked\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (declaredLength != null) {
                out.write(body);
            } else {
                for (int at = 0; at < body.length; at += 65_536) {
                    int length = Math.min(65_536, body.length - at);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, length);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            // Neither: the body runs until the server closes the connection.
            body.write(in.readAllBytes());
        }
        return new Reply(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
