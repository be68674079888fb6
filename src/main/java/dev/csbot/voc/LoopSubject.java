package dev.csbot.voc;

/** What a loop state is about: one feedback item ({@code fb-...}) or a theme ({@code reporting}). */
public record LoopSubject(Kind kind, String id) {

    public enum Kind {
        ITEM("item"),
        THEME("theme");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static LoopSubject item(String itemId) {
        return new LoopSubject(Kind.ITEM, itemId);
    }

    public static LoopSubject theme(String key) {
        return new LoopSubject(Kind.THEME, key);
    }
}
