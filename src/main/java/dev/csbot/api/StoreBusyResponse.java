package dev.csbot.api;

import dev.csbot.store.StoreBusy;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** 503 for a write that waited out the busy timeout: nothing was written, and when to try again. */
final class StoreBusyResponse {

    private StoreBusyResponse() {}

    static ResponseEntity<Map<String, Object>> of() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreBusy.RETRY_AFTER_SECONDS))
                .body(Map.of("error", "the store is busy with another write (a csbot import, most likely); nothing"
                        + " was written: send the request again in " + StoreBusy.RETRY_AFTER_SECONDS + " seconds"));
    }
}
