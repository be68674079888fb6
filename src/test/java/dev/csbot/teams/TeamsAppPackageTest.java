package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.csbot.cli.CsbotCli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class TeamsAppPackageTest {

    private static final String APP_ID = "8d5b3a2e-4c1f-4e7a-9b6d-2f0c1e3a5b7d";
    private static final String WEBSITE = "https://intranet.ours.example/csbot";
    private static final Path MANIFEST_DIR = Path.of("manifests/teams");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theManifestWithAnAppIdFilledInIsValidAgainstTheTeams119Schema() throws IOException {
        String manifest = TeamsAppPackage.manifest(Files.readString(MANIFEST_DIR.resolve("manifest.json")), APP_ID,
                WEBSITE);

        List<Error> errors = schema("MicrosoftTeams.schema.1.19.json").validate(manifest, InputFormat.JSON);
        assertThat(errors).isEmpty();
        JsonNode tree = JSON.readTree(manifest);
        // The schema file's "const" on manifestVersion is not enforced by every validator: checked here.
        assertThat(tree.path("manifestVersion").asText()).isEqualTo("1.19");
        assertThat(tree.path("id").asText()).isEqualTo(APP_ID);
        assertThat(tree.path("bots").get(0).path("botId").asText()).isEqualTo(APP_ID);
        assertThat(manifest).doesNotContain("${");
    }

    @Test
    void theManifestTemplateItselfIsNotValidUntilTheAppIdIsFilledIn() throws IOException {
        String template = Files.readString(MANIFEST_DIR.resolve("manifest.json"));
        assertThat(schema("MicrosoftTeams.schema.1.19.json").validate(template, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void everyCommandIsListedForPersonalChatsAndTeams() throws IOException {
        JsonNode lists = JSON.readTree(MANIFEST_DIR.resolve("manifest.json").toFile()).path("bots").get(0)
                .path("commandLists");
        Map<String, List<String>> byScope = new HashMap<>();
        for (JsonNode list : lists) {
            List<String> titles = StreamSupport.stream(list.path("commands").spliterator(), false)
                    .map(c -> c.path("title").asText()).toList();
            list.path("scopes").forEach(scope -> byScope.put(scope.asText(), titles));
        }
        assertThat(byScope.get("personal")).contains("health", "qbr", "account", "risks", "help");
        assertThat(byScope.get("groupChat")).contains("health", "qbr", "account", "risks", "help");
        // Teams allows ten suggestions a list: "unlink" is left to typing (and to help).
        assertThat(byScope.get("team")).contains("health", "qbr", "account", "risks", "link", "help");
    }

    @Test
    void theIconsHaveTheSizesTeamsWantsAndTheOutlineIsWhiteOnTransparent() throws IOException {
        BufferedImage color = ImageIO.read(MANIFEST_DIR.resolve("color.png").toFile());
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);

        BufferedImage outline = ImageIO.read(MANIFEST_DIR.resolve("outline.png").toFile());
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        int opaque = 0;
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 32; y++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha != 0) {
                    opaque++;
                    assertThat(argb & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(opaque).isPositive().isLessThan(32 * 32 / 2);
    }

    @Test
    void teamsPackageWritesAZipReadyToUpload(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("csbot-teams.zip");
        StringWriter stdout = new StringWriter();
        CommandLine cli = new CommandLine(new CsbotCli()).setOut(new PrintWriter(stdout));

        int exit = cli.execute("teams-package", "--app-id", APP_ID, "--website-url", WEBSITE, "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(stdout.toString()).contains("Wrote");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(out));
        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "color.png", "outline.png");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(schema("MicrosoftTeams.schema.1.19.json").validate(manifest, InputFormat.JSON)).isEmpty();
        assertThat(manifest).contains(APP_ID).contains(WEBSITE).doesNotContain("${");
        assertThat(ImageIO.read(new ByteArrayInputStream(entries.get("outline.png"))).getWidth()).isEqualTo(32);
    }

    @Test
    void anAppIdThatIsNotAGuidIsAUsageError(@TempDir Path dir) {
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new CsbotCli()).setErr(new PrintWriter(stderr));

        int exit = cli.execute("teams-package", "--app-id", "my-bot", "--website-url", WEBSITE, "--out",
                dir.resolve("x.zip").toString());

        assertThat(exit).isEqualTo(CsbotCli.USAGE_ERROR);
        assertThat(stderr.toString()).contains("GUID");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The vendored Teams schema declares draft-04 but uses draft-06's "const": read it as draft-06. */
    private static Schema schema(String file) throws IOException {
        try (InputStream in = TeamsAppPackageTest.class.getResourceAsStream("/conformance/teams/app-manifest/" + file)) {
            tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(in);
            tree.remove("id");
            tree.remove("$schema");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6).getSchema(tree);
        }
    }
}
