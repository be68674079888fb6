package dev.csbot.account;

/**
 * Told after every committed write to the portfolio, in the process that wrote it. Called on the writer's
 * thread after the commit: return quickly, and hand slow work (rescoring, rule evaluation) to an executor.
 */
public interface PortfolioListener {

    void portfolioChanged(PortfolioChanged change);
}
