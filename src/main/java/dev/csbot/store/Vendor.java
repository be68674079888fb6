package dev.csbot.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** Which database a handle is on, for the few statements written differently for PostgreSQL. */
final class Vendor {

    private Vendor() {}

    static boolean postgres(Handle handle) {
        try {
            return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the store is: " + e.getMessage(), e);
        }
    }
}
