package dev.csbot.slack;

/**
 * A slash command's text as the user typed it. Slack HTML-escapes {@code &}, {@code <} and {@code >} in what was
 * typed (its own mentions, {@code <@U123|jane>}, arrive with real brackets), so the text is unescaped once here,
 * before the core sees it: {@code /voc set} then stores a message exactly as typed. One pass, so a typed
 * "&amp;lt;" stays "&lt;".
 */
final class SlackCommandText {

    private SlackCommandText() {}

    static String unescape(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                if (text.startsWith("&amp;", i)) {
                    out.append('&');
                    i += 4;
                    continue;
                }
                if (text.startsWith("&lt;", i)) {
                    out.append('<');
                    i += 3;
                    continue;
                }
                if (text.startsWith("&gt;", i)) {
                    out.append('>');
                    i += 3;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
