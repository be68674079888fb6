package dev.csbot.teams;

/**
 * Makes plain text inert in Teams: TextBlocks and FactSets render a markdown subset, so any reply text
 * (above all customer text) is escaped before it goes into a card. Nothing here can become a link, a
 * mention, emphasis, a heading or a list. ("@channel" as text mentions nobody: a card mentions people only
 * through {@code <at>} tags listed in its msteams entities, and the renderer never adds any.)
 */
final class TeamsMarkdown {

    /**
     * Characters that start or end markdown constructs anywhere in a line: emphasis, code, links and images
     * (escaping the brackets is enough; "(" after an escaped "]" is plain text), HTML and mention tags (an
     * escaped "<" opens no tag), strikethrough. Kept short so ordinary text such as "42 / 100 (red)" or
     * "365 -> 284" reads as it is.
     */
    private static final String SPECIAL = "\\`*_[]<~";
    /** Characters that matter only at the start of a line: headings, lists, quotes, setext underlines. */
    private static final String LINE_START = "#-+=>";

    private TeamsMarkdown() {}

    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0 || (lineStart && LINE_START.indexOf(c) >= 0)) {
                out.append('\\').append(c);
            } else if (c == ':' && text.startsWith("//", i + 1)) {
                // "https://..." is auto-linked by Teams; a backslash breaks the scheme without hiding it.
                out.append("\\:");
            } else if (c == '.' && lineStart == false && isNumberedListMarker(out)) {
                out.append("\\.");
            } else {
                out.append(c);
            }
            if (c == '\n') {
                lineStart = true;
            } else if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
        }
        return out.toString();
    }

    /** True when everything on the current output line so far is digits: "1." would start a list. */
    private static boolean isNumberedListMarker(StringBuilder out) {
        int i = out.length() - 1;
        int digits = 0;
        while (i >= 0 && Character.isDigit(out.charAt(i))) {
            i--;
            digits++;
        }
        while (i >= 0 && out.charAt(i) == ' ') {
            i--;
        }
        return digits > 0 && (i < 0 || out.charAt(i) == '\n');
    }
}
