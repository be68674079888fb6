package dev.csbot.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.ingest.Dataset;
import dev.csbot.ingest.RestIngest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/{accounts|contacts|usage|tickets|feedback|meetings|success-plans}}: a JSON array (or one
 * object) of rows whose fields are the CSV columns. All rows are written, or none.
 */
@RestController
@RequestMapping("/api/v1")
class IngestController {

    // The body is read as text and parsed here, so a malformed body gets the same error shape as a bad row.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestIngest ingest;

    IngestController(RestIngest ingest) {
        this.ingest = ingest;
    }

    @PostMapping(path = "/{resource:accounts|contacts|usage|tickets|feedback|meetings|success-plans}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> post(@PathVariable("resource") String resource, @RequestBody String body) {
        Dataset dataset = Dataset.forResource(resource).orElseThrow();
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
        RestIngest.Outcome outcome = ingest.ingest(dataset, rows, "api");
        if (!outcome.accepted()) {
            return badRequest(outcome.errors().stream().map(e -> error(e.index(), e.field(), e.reason())).toList());
        }
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", errors);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }
}
