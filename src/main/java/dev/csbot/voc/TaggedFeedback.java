package dev.csbot.voc;

import java.util.List;

/** A piece of feedback with its themes, its sentiment and where it stands in the loop. */
public record TaggedFeedback(FeedbackRecord record, List<String> themes, Sentiment sentiment, LoopStage stage) {

    public TaggedFeedback {
        themes = List.copyOf(themes);
    }

    /** Sentiment from the score when there is one (NPS 0-6 negative, 9-10 positive...), else from the words. */
    static Sentiment sentimentOf(FeedbackRecord record, ThemeTagger tagger) {
        if (record.score().isPresent()) {
            int s = record.score().getAsInt();
            return switch (record.kind()) {
                case NPS -> s <= 6 ? Sentiment.NEGATIVE : s >= 9 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                case CSAT -> s <= 2 ? Sentiment.NEGATIVE : s >= 4 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                case CES -> s <= 3 ? Sentiment.NEGATIVE : s >= 5 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
                case CHECK_IN, PRODUCT_REQUEST -> tagger.sentimentOfWords(record.comment().orElse(""));
            };
        }
        return tagger.sentimentOfWords(record.comment().orElse(""));
    }
}
