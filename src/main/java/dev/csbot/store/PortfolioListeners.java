package dev.csbot.store;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.account.PortfolioListener;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
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

    /** A batch of writes whose listeners are told once, after the last ({@link Batch}). */
    public Batch batch() {
        return new Batch(this);
    }

    /**
     * Several writes told as one: a write on a handle that {@link #join joined} the batch is recorded as every write
     * is, but its listeners hear nothing until {@link #tell}, which tells them once of every account the batch's
     * committed writes touched. An import of a directory is one transaction per file, and one change to evaluate:
     * alerts raised after its first file, before its usage arrived, would be noise.
     */
    public static final class Batch {
        private final PortfolioListeners listeners;
        private final Set<String> touched = new HashSet<>();
        private boolean committed;

        private Batch(PortfolioListeners listeners) {
            this.listeners = listeners;
        }

        /** Makes the writes on {@code handle} (in its transaction) part of this batch. */
        public void join(Handle handle) {
            handle.configure(PortfolioListeners.class, config -> config.tellEach(() -> List.of(this::heard)));
        }

        private synchronized void heard(PortfolioChanged change) {
            touched.addAll(change.accountIds());
            committed = true;
        }

        /** Tells the listeners once of what the batch committed (nothing when it committed nothing). */
        public void tell() {
            PortfolioChanged change;
            synchronized (this) {
                if (!committed) {
                    return;
                }
                change = new PortfolioChanged(touched, false);
                touched.clear();
                committed = false;
            }
            listeners.tell(change);
        }
    }

    @Override
    public PortfolioListeners createCopy() {
        return new PortfolioListeners(listeners);
    }
}
