package dev.csbot.ops;

import dev.csbot.chat.ActionPress;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.CommandNames;
import dev.csbot.chat.FormOutcome;
import dev.csbot.chat.FormSubmission;
import dev.csbot.chat.Reply;
import java.util.Locale;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times every answer of the core, whichever door asked (Slack, Teams, the CLI): the {@link ChatService} bean is
 * wrapped in a proxy that records {@link CsbotMetrics#COMMANDS} around {@code handle}, {@code press} and
 * {@code submit}. The core itself knows nothing of metrics, and a door added later is counted without a change.
 */
final class ChatServiceTiming implements BeanPostProcessor {

    // Looked up on first use: a post-processor that pulled the registry in early would keep it from being
    // post-processed itself.
    private final ObjectProvider<CsbotMetrics> metrics;

    ChatServiceTiming(ObjectProvider<CsbotMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ChatService)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new Timing());
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private final class Timing implements MethodInterceptor {
        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Object[] arguments = invocation.getArguments();
            String command;
            String channel;
            if (arguments.length == 1 && arguments[0] instanceof ChatRequest request) {
                command = CommandNames.ofCommand(request.text());
                channel = channel(request.conversation());
            } else if (arguments.length == 1 && arguments[0] instanceof ActionPress press) {
                command = CommandNames.ofAction(press.actionId());
                channel = channel(press.conversation());
            } else if (arguments.length == 1 && arguments[0] instanceof FormSubmission form) {
                command = "form";
                channel = channel(form.conversation());
            } else {
                return invocation.proceed();
            }
            long started = System.nanoTime();
            String outcome = "error";
            try {
                Object result = invocation.proceed();
                outcome = outcome(result);
                return result;
            } finally {
                metrics.getObject().commandAnswered(command, channel, outcome, System.nanoTime() - started);
            }
        }
    }

    private static String channel(dev.csbot.chat.Conversation conversation) {
        return conversation == null ? CommandNames.UNKNOWN : conversation.platform().name().toLowerCase(Locale.ROOT);
    }

    private static String outcome(Object result) {
        if (result instanceof Reply reply) {
            return reply.status().name().toLowerCase(Locale.ROOT);
        }
        if (result instanceof FormOutcome.Accepted) {
            return "answer";
        }
        if (result instanceof FormOutcome.Invalid) {
            return "usage_error";
        }
        if (result instanceof FormOutcome.Refused) {
            return "refused";
        }
        return CommandNames.UNKNOWN;
    }
}
