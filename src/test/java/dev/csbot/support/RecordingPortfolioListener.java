package dev.csbot.support;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** A listener bean in the shared test context: remembers every change the service heard of, in order. */
@Component
public class RecordingPortfolioListener implements PortfolioListener {

    private final List<PortfolioChanged> heard = new CopyOnWriteArrayList<>();

    @Override
    public void portfolioChanged(PortfolioChanged change) {
        heard.add(change);
    }

    public List<PortfolioChanged> heard() {
        return List.copyOf(heard);
    }
}
