package dev.csbot.support;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * A listener bean in every Spring context the tests start (the shared service context, and the short ones
 * of CLI runs): remembers every change heard in this JVM, in order, so a test can look for its own accounts.
 */
@Component
public class RecordingPortfolioListener implements PortfolioListener {

    private static final List<PortfolioChanged> heard = new CopyOnWriteArrayList<>();

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        heard.add(change);
    }

    public static List<PortfolioChanged> heard() {
        return List.copyOf(heard);
    }
}
