package dev.csbot.chat;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.health.HealthService;
import java.util.List;
import java.util.Optional;

/** An alert notice rendered as it stands now: posted, and re-rendered for every update of its message. */
public final class AlertNoticeContent implements OutboxContent {

    private final AlertStore store;
    private final AccountRepository accounts;
    private final HealthService health;
    private final Optional<DetractorFollowUps> followUps;

    public AlertNoticeContent(AlertStore store, AccountRepository accounts, HealthService health) {
        this(store, accounts, health, null);
    }

    /** @param followUps the answers behind detractor alerts (null: none are shown) */
    public AlertNoticeContent(AlertStore store, AccountRepository accounts, HealthService health,
            DetractorFollowUps followUps) {
        this.store = store;
        this.accounts = accounts;
        this.health = health;
        this.followUps = Optional.ofNullable(followUps);
    }

    @Override
    public String itemKind() {
        return AlertService.NOTICE;
    }

    @Override
    public Optional<OutboundMessage> render(String noticeId) {
        return store.notice(noticeId).flatMap(notice -> accounts.findById(notice.accountId()).flatMap(account -> {
            List<StoredAlert> alerts = notice.alertIds().stream().map(store::find).flatMap(Optional::stream).toList();
            if (alerts.isEmpty()) {
                return Optional.empty();
            }
            boolean detractor = alerts.stream().anyMatch(a -> a.ruleId().equals(DetractorFollowUps.RULE));
            return Optional.of(new OutboundMessage(AlertMessage.of(noticeId, account, alerts,
                    health.forAccount(account.id()), health.today(), detractor
                            ? followUps.map(f -> f.of(account.id())).orElse(List.of()) : List.of()),
                    Optional.of(account.csmEmail())));
        }));
    }
}
