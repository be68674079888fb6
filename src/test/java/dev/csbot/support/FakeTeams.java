package dev.csbot.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft's side of Teams, played locally on {@link IntegrationTest#FAKE_TEAMS}: the OpenID metadata and
 * key set that sign channel tokens (an RS256 key with a self-signed, currently valid x5c certificate,
 * endorsed for "msteams"), the Entra ID token endpoint the bot gets its own token from, and a connector
 * that takes replies and answers member and roster look-ups.
 *
 * <p>Connector conventions: a user id containing "guest" is a guest, one containing "other-tenant" belongs
 * to {@link #OTHER_TENANT_ID}; the roster of a conversation or team whose id contains "shared-ext" includes
 * a guest. Everyone else is a member of {@link #TENANT_ID}.
 */
public final class FakeTeams {

    public static final String APP_ID = "8d5b3a2e-4c1f-4e7a-9b6d-2f0c1e3a5b7d";
    public static final String APP_PASSWORD = "test-app-password";
    public static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String OTHER_TENANT_ID = "0a1b2c3d-0000-4000-8000-00000000beef";
    public static final String KEY_ID = "csbot-test-key";
    public static final String BOT_TOKEN = "fake-bot-access-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicInteger REPLY_IDS = new AtomicInteger();
    /** Conversations whose next replies the connector refuses, and how many more it refuses. */
    private static final Map<String, AtomicInteger> FAILING_REPLIES = new ConcurrentHashMap<>();

    private static final SigningKey KEY = SigningKey.generate("csbot-test");
    private static final SigningKey ROGUE_KEY = SigningKey.generate("someone-else");

    private FakeTeams() {}

    /** The connector answers the next {@code times} replies into this conversation with 503, as in an outage. */
    public static void failRepliesTo(String conversationId, int times) {
        FAILING_REPLIES.put(conversationId, new AtomicInteger(times));
    }

    public static String serviceUrl() {
        install();
        return IntegrationTest.FAKE_TEAMS.baseUrl();
    }

    public static String openIdMetadataUrl() {
        install();
        return IntegrationTest.FAKE_TEAMS.baseUrl() + "teams-openid/.well-known/openidconfiguration";
    }

    public static String tokenUrl() {
        install();
        return IntegrationTest.FAKE_TEAMS.baseUrl() + "teams-login/oauth2/v2.0/token";
    }

    /** A channel token as the Bot Connector would send it for an activity from {@code serviceUrl}. */
    public static String channelToken(String serviceUrl) {
        return sign(KEY, base(serviceUrl));
    }

    public static String tokenSignedByAnotherKey(String serviceUrl) {
        return sign(ROGUE_KEY, base(serviceUrl));
    }

    public static String tokenForAnotherBot(String serviceUrl) {
        return sign(KEY, base(serviceUrl).withAudience("11111111-2222-3333-4444-555555555555"));
    }

    public static String expiredToken(String serviceUrl) {
        Instant past = Instant.now().minusSeconds(3 * 3600);
        return sign(KEY, JWT.create().withKeyId(KEY_ID).withIssuer("https://api.botframework.com")
                .withAudience(APP_ID).withClaim("serviceurl", serviceUrl)
                .withIssuedAt(Date.from(past)).withNotBefore(Date.from(past))
                .withExpiresAt(Date.from(past.plusSeconds(3600))));
    }

    private static JWTCreator.Builder base(String serviceUrl) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer("https://api.botframework.com").withAudience(APP_ID)
                .withClaim("serviceurl", serviceUrl)
                .withIssuedAt(Date.from(now.minusSeconds(60))).withNotBefore(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plusSeconds(3600)));
    }

    private static String sign(SigningKey key, JWTCreator.Builder builder) {
        return builder.sign(Algorithm.RSA256(key.publicKey(), key.privateKey()));
    }

    private static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        RecordingHttpServer server = IntegrationTest.FAKE_TEAMS;
        server.respond("/teams-openid/.well-known/openidconfiguration", r -> json(JSON.createObjectNode()
                .put("issuer", "https://api.botframework.com")
                .put("jwks_uri", server.baseUrl() + "teams-openid/keys")
                .set("id_token_signing_alg_values_supported", JSON.createArrayNode().add("RS256"))));
        server.respond("/teams-openid/keys", r -> {
            ObjectNode keys = JSON.createObjectNode();
            keys.putArray("keys").add(KEY.jwk(KEY_ID));
            return json(keys);
        });
        server.respond("/teams-login/", r -> json(JSON.createObjectNode().put("token_type", "Bearer")
                .put("expires_in", 3600).put("access_token", BOT_TOKEN)));
        server.respond("/v3/conversations/", FakeTeams::connector);
    }

    private static RecordingHttpServer.Response connector(RecordingHttpServer.Recorded request) {
        String path = request.path();
        if (request.method().equals("POST") && path.contains("/activities")) {
            boolean refused = FAILING_REPLIES.entrySet().stream()
                    .anyMatch(e -> path.contains(e.getKey()) && e.getValue().getAndUpdate(n -> Math.max(0, n - 1)) > 0);
            if (refused) {
                return new RecordingHttpServer.Response(503, "application/json",
                        "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"try again\"}}");
            }
            return json(JSON.createObjectNode().put("id", "reply-" + REPLY_IDS.incrementAndGet()));
        }
        if (request.method().equals("GET") && path.contains("/pagedmembers")) {
            ObjectNode page = JSON.createObjectNode();
            ArrayNode members = page.putArray("members");
            members.add(member("29:member-ana", "Ana Internal"));
            if (path.contains("shared-ext")) {
                members.add(member("29:guest-gus", "Gus Guest"));
            }
            return json(page);
        }
        if (request.method().equals("GET") && path.contains("/members/")) {
            String userId = path.substring(path.lastIndexOf("/members/") + "/members/".length());
            return json(member(userId, "Someone"));
        }
        return json(JSON.createObjectNode());
    }

    private static ObjectNode member(String userId, String name) {
        boolean guest = userId.contains("guest");
        boolean otherTenant = userId.contains("other-tenant");
        String slug = userId.replaceAll("[^a-z0-9-]", "");
        return JSON.createObjectNode()
                .put("id", userId)
                .put("name", name)
                .put("aadObjectId", "00000000-0000-4000-8000-" + String.format("%012d", Math.abs(slug.hashCode())))
                .put("email", slug + (guest ? "@customer.example" : "@ours.example"))
                .put("userPrincipalName", slug + (guest ? "_customer.example#EXT#@ours.example" : "@ours.example"))
                .put("tenantId", otherTenant ? OTHER_TENANT_ID : TENANT_ID)
                .put("userRole", guest ? "guest" : "user");
    }

    private static RecordingHttpServer.Response json(ObjectNode node) {
        return RecordingHttpServer.Response.json(node.toString());
    }

    /** An RSA key pair with a self-signed certificate, made by the JDK's keytool (no extra dependency). */
    record SigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey, X509Certificate certificate) {

        static SigningKey generate(String commonName) {
            try {
                Path dir = Files.createTempDirectory("csbot-teams-key");
                Path store = dir.resolve("key.p12");
                Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                        "-genkeypair", "-alias", "bot", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                        "-validity", "3", "-dname", "CN=" + commonName, "-keystore", store.toString(),
                        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes());
                if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, "changeit".toCharArray());
                }
                X509Certificate certificate = (X509Certificate) keyStore.getCertificate("bot");
                RSAPrivateKey privateKey = (RSAPrivateKey) keyStore.getKey("bot", "changeit".toCharArray());
                Files.deleteIfExists(store);
                Files.deleteIfExists(dir);
                return new SigningKey((RSAPublicKey) certificate.getPublicKey(), privateKey, certificate);
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot make a test signing key", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        ObjectNode jwk(String kid) {
            try {
                ObjectNode jwk = JSON.createObjectNode()
                        .put("kty", "RSA").put("use", "sig").put("alg", "RS256").put("kid", kid)
                        .put("n", base64Url(publicKey.getModulus())).put("e", base64Url(publicKey.getPublicExponent()));
                jwk.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
                jwk.putArray("endorsements").add("msteams");
                return jwk;
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String base64Url(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes.length > 1 && bytes[0] == 0) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
