package io.layerlab.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds where a JSON path sits in the source text, for messages. Only used after a problem was
 * found, so a second pass over the text costs nothing in the normal case. A missing field is
 * reported at its enclosing object.
 */
final class SourceLocator {
    private SourceLocator() { }

    static Optional<JsonLocation> locate(byte[] text, JsonPath path) {
        for (JsonPath p = path; p != null; p = p.parent()) {
            Optional<JsonLocation> at = find(text, p.toPointer());
            if (at.isPresent()) return at;
        }
        return Optional.empty();
    }

    private static Optional<JsonLocation> find(byte[] text, JsonPointer target) {
        try (JsonParser parser = ProjectReader.MAPPER.getFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) continue;
                if (parser.getParsingContext().pathAsPointer().equals(target)) return Optional.of(parser.currentTokenLocation());
            }
        } catch (IOException e) {
            // The text parsed once already; a failure here only means no location for the message.
        }
        return Optional.empty();
    }
}
