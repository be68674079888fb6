package dev.csbot.alerts;

import java.util.List;

/** Read access to alerts. (Rules, evaluation and delivery arrive with the proactive alerts work.) */
public interface AlertRepository {

    List<Alert> openAlerts(String accountId);
}
