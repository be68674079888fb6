package dev.csbot.voc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;

/** Jackson's complaint about a YAML file, as "field 'a.b[1].c': reason", for the config loaders of VoC. */
final class YamlErrors {

    private YamlErrors() {}

    static String describe(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            String reason = mapping.getOriginalMessage().split("\n")[0];
            if (mapping instanceof UnrecognizedPropertyException unknown) {
                reason = "unknown field (known here: " + String.join(", ", unknown.getKnownPropertyIds().stream()
                        .map(Object::toString).sorted().toList()) + ")";
            }
            return "field '" + path + "': " + reason;
        }
        return "not valid YAML: " + String.valueOf(e.getMessage()).split("\n")[0];
    }
}
