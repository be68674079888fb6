package dev.csbot.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This process among the instances sharing a store, as the store records who holds what (an outbox claim, a
 * scheduled job): host, process id and a random part, so two processes on one host, or one restarted, differ.
 */
public final class InstanceId {

    private static final String THIS = host() + "/" + ProcessHandle.current().pid() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private InstanceId() {}

    public static String ofThisProcess() {
        return THIS;
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() <= 60 ? name : name.substring(0, 60); // claimed_by holds 100 characters
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
