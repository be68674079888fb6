package dev.csbot.alerts;

import java.time.LocalDate;
import java.util.Optional;

/** Weekly digests: one per CSM and week, written with its delivery in one transaction. */
public interface Digests {

    /** The outbox item kind of a digest. */
    String ITEM_KIND = "digest";

    /** Creates the week's digest for a CSM and queues it; false when that week's digest exists already. */
    boolean createAndQueue(String digestId, String csmEmail, LocalDate weekOf, LocalDate asOf, DeliveryTarget target);

    Optional<Digest> find(String digestId);

    record Digest(String id, String csmEmail, LocalDate weekOf, LocalDate asOf) {}
}
