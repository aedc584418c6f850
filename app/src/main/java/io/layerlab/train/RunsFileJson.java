package io.layerlab.train;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The JSON settings that {@link RunsFileWriter} writes and {@link RunsFileReader} reads a {@link RunsFile} with. */
final class RunsFileJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Both exact (shortest digits that round-trip; correctly rounded parsing); they took writing and reading
            // 100,000 losses from about 0.3 s to 0.17 s.
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            // AtomicFile closes its stream itself, after forcing it to disk.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private RunsFileJson() {
    }
}
