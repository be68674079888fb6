package dev.csbot.slack;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes sure the store holds Acme, Globex and enough at-risk accounts for the Slack tests. The demo
 * portfolio (loaded at start-up in tests) provides them once it exists; until then, a minimal portfolio
 * is written here, and only if Acme is missing.
 */
final class SlackTestPortfolio {

    private SlackTestPortfolio() {}

    static synchronized Account acme(AccountRepository accounts, DataSource dataSource) {
        if (accounts.findAll().stream().noneMatch(a -> a.name().equalsIgnoreCase("Acme"))) {
            seed(new JdbcTemplate(dataSource));
        }
        return accounts.findAll().stream().filter(a -> a.name().equalsIgnoreCase("Acme")).findFirst().orElseThrow();
    }

    private static void seed(JdbcTemplate jdbc) {
        LocalDate today = LocalDate.parse(dev.csbot.support.IntegrationTest.TODAY);
        account(jdbc, "acme", "Acme", "enterprise", 480_000, "csm.acme@example.com", today.plusDays(45));
        account(jdbc, "globex", "Globex", "mid-market", 120_000, "csm.globex@example.com", today.plusDays(200));
        for (int i = 1; i <= 30; i++) {
            account(jdbc, "risky-" + i, "Risky Co " + i, "smb", 10_000L * i, "csm.acme@example.com",
                    today.plusDays(10 + i));
        }
        // Acme's usage halves over the last month: a clear, explainable driver.
        for (int d = 0; d < 120; d++) {
            LocalDate day = today.minusDays(d);
            int users = d < 30 ? 30 : 70;
            jdbc.update("INSERT INTO usage_daily (account_id, date, active_users, events, key_features_used)"
                    + " VALUES (?, ?, ?, ?, ?)", "acme", day.toString(), users, users * 20L, d < 30 ? 2 : 6);
            jdbc.update("INSERT INTO usage_daily (account_id, date, active_users, events, key_features_used)"
                    + " VALUES (?, ?, ?, ?, ?)", "globex", day.toString(), 40, 900L, 5);
        }
    }

    private static void account(JdbcTemplate jdbc, String id, String name, String segment, long arr, String csm,
            LocalDate renewal) {
        jdbc.update("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                + " renewal_date, csm_email, lifecycle_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, name, segment, arr, 100, "2024-01-01", renewal.toString(), csm, "renewal");
    }
}
