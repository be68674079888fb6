package dev.csbot.account;

import java.time.LocalDate;
import java.util.Optional;

/** A person at the customer; champions and executive sponsors carry the relationship. */
public record Contact(
        String id,
        String accountId,
        String name,
        String email,
        String title,
        boolean champion,
        boolean execSponsor,
        Optional<LocalDate> leftOn) {

    public boolean activeOn(LocalDate date) {
        return leftOn.map(left -> left.isAfter(date)).orElse(true);
    }
}
