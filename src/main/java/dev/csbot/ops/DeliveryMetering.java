package dev.csbot.ops;

import dev.csbot.alerts.AlertChange;
import dev.csbot.alerts.AlertCommit;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxRow;
import java.util.Locale;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what the alerts and the outbox did, where it is recorded: an {@link AlertStore} commit that succeeded
 * raised its new alerts ({@link CsbotMetrics#ALERTS_RAISED}), and each {@link Outbox} delivery recorded as delivered
 * or parked finished ({@link CsbotMetrics#DELIVERIES}). Both beans are wrapped in a proxy, as {@link ChatServiceTiming}
 * wraps the chat service, so the core and the store know nothing of metrics.
 */
final class DeliveryMetering implements BeanPostProcessor {

    private final ObjectProvider<CsbotMetrics> metrics;

    DeliveryMetering(ObjectProvider<CsbotMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AlertStore) {
            return proxy(bean, AlertStore.class, this::afterAlertStore);
        }
        if (bean instanceof Outbox) {
            return proxy(bean, Outbox.class, this::afterOutbox);
        }
        return bean;
    }

    @FunctionalInterface
    private interface After {
        void succeeded(String method, Object[] arguments);
    }

    private static Object proxy(Object bean, Class<?> face, After after) {
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setInterfaces(face);
        proxy.addAdvice((MethodInterceptor) (MethodInvocation invocation) -> {
            Object result = invocation.proceed();
            after.succeeded(invocation.getMethod().getName(), invocation.getArguments());
            return result;
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private void afterAlertStore(String method, Object[] arguments) {
        if (method.equals("commit") && arguments[0] instanceof AlertCommit commit) {
            for (AlertChange change : commit.changes()) {
                if (change.kind() == AlertChange.Kind.NEW) {
                    metrics.getObject().alertRaised(change.ruleId(), change.severity().name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    private void afterOutbox(String method, Object[] arguments) {
        String outcome = switch (method) {
            case "delivered" -> "delivered";
            case "park" -> "parked";
            default -> null;
        };
        if (outcome != null && arguments[0] instanceof OutboxRow row) {
            metrics.getObject().deliveryFinished(row.entry().itemKind(),
                    row.entry().target().platform().name().toLowerCase(Locale.ROOT), outcome);
        }
    }
}
