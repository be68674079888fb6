package dev.csbot.teams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package: the zip an admin uploads (manifest.json with the placeholders filled in, plus the
 * two icons, all at the root). Placeholders are {@code ${MICROSOFT_APP_ID}} and {@code ${CSBOT_WEBSITE_URL}}.
 */
public final class TeamsAppPackage {

    static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    static final List<String> FILES = List.of("manifest.json", "color.png", "outline.png");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private TeamsAppPackage() {}

    /** Fills in the manifest; fails on a placeholder it has no value for, so no package ships with one. */
    static String manifest(String template, String appId, String websiteUrl) {
        if (appId == null || !GUID.matcher(appId).matches()) {
            throw new IllegalArgumentException("the app id must be the bot's Microsoft App ID, a GUID such as"
                    + " 8d5b3a2e-4c1f-4e7a-9b6d-2f0c1e3a5b7d (got '" + appId + "')");
        }
        if (websiteUrl == null || !websiteUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the website URL must start with https:// (got '" + websiteUrl + "')");
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "MICROSOFT_APP_ID" -> appId;
                case "CSBOT_WEBSITE_URL" -> websiteUrl;
                default -> throw new IllegalArgumentException("unknown placeholder " + matcher.group());
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.replace("\\", "\\\\").replace("\"", "\\\"")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The zip, from the directory holding manifest.json, color.png and outline.png. */
    static byte[] build(Path manifestDirectory, String appId, String websiteUrl) throws IOException {
        for (String file : FILES) {
            if (!Files.isRegularFile(manifestDirectory.resolve(file))) {
                throw new IllegalArgumentException("missing " + manifestDirectory.resolve(file)
                        + " (run from the csbot checkout, or pass --manifest-dir)");
            }
        }
        String manifest = manifest(Files.readString(manifestDirectory.resolve("manifest.json")), appId, websiteUrl);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (String icon : FILES.subList(1, FILES.size())) {
                zip.putNextEntry(new ZipEntry(icon));
                zip.write(Files.readAllBytes(manifestDirectory.resolve(icon)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
