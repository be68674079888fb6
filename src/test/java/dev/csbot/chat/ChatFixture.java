package dev.csbot.chat;

import static dev.csbot.support.SignalsBuilder.TODAY;

import dev.csbot.health.HealthScorer;
import dev.csbot.health.HealthService;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.SignalsBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** A {@link ChatService} over an in-memory portfolio, asked as an internal CSM in a direct message. */
final class ChatFixture {

    static final Caller CSM = Caller.internal("U1", "dana.cho@csbot.example", "Dana");
    static final Conversation DM = new Conversation(Platform.SLACK, "D1", false);

    final InMemoryPortfolio portfolio = new InMemoryPortfolio();
    private final ChatService chat = new ChatService(portfolio,
            new HealthService(portfolio, new HealthScorer(ScorecardLoader.defaults()),
                    Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC)),
            accountId -> List.of(), new NoLinks(), (actor, action, account, detail) -> { });

    ChatFixture add(SignalsBuilder account) {
        portfolio.add(account);
        return this;
    }

    Reply ask(String text) {
        return chat.handle(new ChatRequest(text, CSM, DM));
    }

    Reply ask(String text, Caller caller) {
        return chat.handle(new ChatRequest(text, caller, Conversation.cli()));
    }

    Reply press(ReplyBlock.Action action) {
        return chat.press(new ActionPress(action.id(), action.value(), CSM, DM));
    }

    static List<ReplyBlock.Action> buttons(Reply reply) {
        return reply.blocks().stream().filter(ReplyBlock.Actions.class::isInstance).map(ReplyBlock.Actions.class::cast)
                .flatMap(a -> a.actions().stream()).toList();
    }

    static List<ReplyBlock.Item> items(Reply reply) {
        return reply.blocks().stream().filter(ReplyBlock.Items.class::isInstance).map(ReplyBlock.Items.class::cast)
                .findFirst().orElseThrow().items();
    }

    private static final class NoLinks implements ChannelLinks {
        @Override
        public void link(Platform platform, String conversationId, String accountId, String linkedBy) {
            throw new UnsupportedOperationException("not linked in these tests");
        }

        @Override
        public Optional<String> unlink(Platform platform, String conversationId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> accountFor(Platform platform, String conversationId) {
            return Optional.empty();
        }

        @Override
        public List<String> conversationsOf(Platform platform, String accountId) {
            return List.of();
        }
    }
}
