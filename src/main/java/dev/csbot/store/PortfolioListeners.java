package dev.csbot.store;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who hears of committed writes, carried by the {@link org.jdbi.v3.core.Jdbi} the store hands out, so that
 * every writer (CSV import, REST, demo, in the service or the CLI) tells them without knowing who they are.
 * Unset (a bare Jdbi in a test), nobody is told.
 */
public final class PortfolioListeners implements JdbiConfig<PortfolioListeners> {

    private static final Logger log = LoggerFactory.getLogger(PortfolioListeners.class);

    /** Looked up at each write rather than once: the listeners are beans built after the store. */
    private Supplier<List<PortfolioListener>> listeners = List::of;

    public PortfolioListeners() {}

    private PortfolioListeners(Supplier<List<PortfolioListener>> listeners) {
        this.listeners = listeners;
    }

    public PortfolioListeners tellEach(Supplier<List<PortfolioListener>> listeners) {
        this.listeners = listeners;
        return this;
    }

    /** Tells every listener; one that fails is logged and does not keep the others from hearing. */
    void tell(PortfolioChanged change) {
        for (PortfolioListener listener : listeners.get()) {
            try {
                listener.portfolioChanged(change);
            } catch (RuntimeException e) {
                log.error("{} failed on a portfolio change of {} accounts", listener.getClass().getSimpleName(),
                        change.accountIds().size(), e);
            }
        }
    }

    @Override
    public PortfolioListeners createCopy() {
        return new PortfolioListeners(listeners);
    }
}
