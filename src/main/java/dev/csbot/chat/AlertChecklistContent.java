package dev.csbot.chat;

import dev.csbot.account.AccountRepository;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.alerts.StoredAlert;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The playbook checklist posted in an alert's thread when someone presses "Start playbook". */
public final class AlertChecklistContent implements OutboxContent {

    private final AlertStore store;
    private final AccountRepository accounts;

    public AlertChecklistContent(AlertStore store, AccountRepository accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    @Override
    public String itemKind() {
        return AlertDesk.CHECKLIST;
    }

    @Override
    public Optional<OutboundMessage> render(String noticeId) {
        return store.notice(noticeId).flatMap(notice -> accounts.findById(notice.accountId()).flatMap(account -> {
            Optional<StoredAlert> top = notice.alertIds().stream().map(store::find).flatMap(Optional::stream)
                    .max(Comparator.comparing(StoredAlert::severity));
            return top.map(alert -> {
                String by = alert.playbookStartedBy().orElse("someone");
                String title = alert.playbook().title() + " playbook for " + account.name();
                return new OutboundMessage(Reply.answer(title, List.of(
                        new ReplyBlock.Paragraph("Started by " + by + ". Owner: " + account.csmEmail() + "."),
                        new ReplyBlock.Items(alert.playbook().firstSteps().stream()
                                .map(step -> ReplyBlock.Item.of("[ ] " + step)).toList()))), Optional.empty());
            });
        }));
    }
}
