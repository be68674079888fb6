package dev.csbot.voc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The prompts this service can send, by id, in the order they were read; and where they came from. */
public final class PromptCatalog {

    private final Map<String, FeedbackPrompt> byId = new LinkedHashMap<>();
    private final String source;

    PromptCatalog(List<FeedbackPrompt> prompts, String source) {
        for (FeedbackPrompt prompt : prompts) {
            byId.put(prompt.id(), prompt);
        }
        this.source = source;
    }

    public Optional<FeedbackPrompt> find(String id) {
        return Optional.ofNullable(byId.get(id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    public Collection<FeedbackPrompt> all() {
        return byId.values();
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** "the shipped prompts" or the directory they were read from. */
    public String source() {
        return source;
    }
}
