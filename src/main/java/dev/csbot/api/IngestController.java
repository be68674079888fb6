package dev.csbot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.RestIngest;
import dev.csbot.ops.CsbotMetrics;
import dev.csbot.store.StoreBusy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/{accounts|contacts|usage|tickets|feedback|meetings|success-plans}}: a JSON array (or one
 * object) of rows whose fields are the CSV columns. All rows are written, or none: 400 for bad rows, 413 for a
 * body past {@link #MAX_BODY_BYTES}, 503 with Retry-After when another writer kept the store too long.
 */
@RestController
@RequestMapping("/api/v1")
class IngestController {

    // The body is read as bytes and parsed here, so a malformed body gets the same error shape as a bad row.
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 10 MiB: {@link RestIngest#MAX_ROWS} rows of the widest kind fit with room to spare. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** Past this a refused body is not even read to its end. */
    private static final long DRAINED_AT_MOST = 4L * MAX_BODY_BYTES;

    private final RestIngest ingest;
    private final CsbotMetrics metrics;

    IngestController(RestIngest ingest, CsbotMetrics metrics) {
        this.ingest = ingest;
        this.metrics = metrics;
    }

    @PostMapping(path = "/{resource:accounts|contacts|usage|tickets|feedback|meetings|success-plans}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "Upsert rows of one import file's kind (fields = CSV columns);"
            + " all rows or none")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "written: resource, rows,"
            + " status")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "400", description = "bad rows: errors with"
            + " index, field and reason; nothing written")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413", description = "body over 10 MiB")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", description = "another writer kept the"
            + " store past the busy timeout; Retry-After; nothing written")
    ResponseEntity<Map<String, Object>> post(@PathVariable("resource") String resource, HttpServletRequest request)
            throws IOException {
        Dataset dataset = Dataset.forResource(resource).orElseThrow();
        byte[] body = readAtMost(request, MAX_BODY_BYTES);
        if (body == null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(errors(List.of(error(null, null, String.format(Locale.US, "the body is larger than %,d"
                            + " bytes (10 MiB); send at most %,d rows per request", MAX_BODY_BYTES,
                            RestIngest.MAX_ROWS)))));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return badRequest(List.of(error(null, null, "the body is not JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !(tree.isArray() || tree.isObject())) {
            return badRequest(List.of(error(null, null, "send a JSON array of rows, or one row as an object")));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<Map<String, Object>> shapeErrors = new ArrayList<>();
        Iterable<JsonNode> elements = tree.isArray() ? tree : List.of(tree);
        int index = 0;
        for (JsonNode element : elements) {
            Optional<Map<String, String>> row = row(element);
            if (row.isEmpty()) {
                shapeErrors.add(error(index, null, "each row must be a JSON object of fields"));
            } else {
                rows.add(row.get());
            }
            index++;
        }
        if (!shapeErrors.isEmpty()) {
            return badRequest(shapeErrors);
        }
        if (rows.isEmpty()) {
            return badRequest(List.of(error(null, null, "the array holds no rows")));
        }
        RestIngest.Outcome outcome;
        try {
            outcome = ingest.ingest(dataset, rows, "api");
        } catch (RuntimeException e) {
            if (StoreBusy.causedBy(e)) {
                return StoreBusyResponse.of();
            }
            throw e;
        }
        if (!outcome.accepted()) {
            return badRequest(outcome.errors().stream().map(e -> error(e.index(), e.field(), e.reason())).toList());
        }
        metrics.rowsIngested(dataset.resource(), "rest", outcome.rows());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resource", dataset.resource());
        result.put("rows", outcome.rows());
        result.put("status", "inserted or updated");
        return ResponseEntity.ok(result);
    }

    /** A JSON object's fields as the texts a CSV cell would hold: numbers and booleans as written, null as absent. */
    private static Optional<Map<String, String>> row(JsonNode element) {
        if (!element.isObject()) {
            return Optional.empty();
        }
        Map<String, String> row = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            row.put(field.getKey(), value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
        }
        return Optional.of(row);
    }

    private static Map<String, Object> error(Integer index, String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", index);
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }

    private static ResponseEntity<Map<String, Object>> badRequest(List<Map<String, Object>> errors) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(errors(errors));
    }

    private static Map<String, Object> errors(List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        return body;
    }

    /**
     * The body, or null when it holds more than {@code max} bytes. A body a little too large is read to its end
     * and dropped (cheap, and the client can read the 413 on a connection still in order); a much larger one is
     * not read at all, and the connection closes.
     */
    private static byte[] readAtMost(HttpServletRequest request, int max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > DRAINED_AT_MOST) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            if (declared > max) {
                drain(in);
                return null;
            }
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                drain(in);
                return null;
            }
            return body;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0 && total < DRAINED_AT_MOST; n = in.read(buffer)) {
            total += n;
        }
    }
}
