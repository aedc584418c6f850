package io.layerlab.keras;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5AttributesTest {
    @TempDir Path dir;

    @Test
    void readsFixedAndVariableLengthTextAndSaysWhenAnAttributeIsMissing() throws Exception {
        Path fixed = dir.resolve("fixed.h5");
        Path variable = dir.resolve("variable.h5");
        new KerasH5Writer().modelConfig("{\"class_name\": \"Sequential\"}").write(fixed);
        new KerasH5Writer().variableLengthStrings().modelConfig("{\"class_name\": \"Functional\"}").write(variable);

        try (Hdf5Attributes a = Hdf5Attributes.open(fixed); Hdf5Attributes b = Hdf5Attributes.open(variable)) {
            assertThat(a.string("model_config")).contains("{\"class_name\": \"Sequential\"}");
            assertThat(b.string("model_config")).contains("{\"class_name\": \"Functional\"}");
            assertThat(a.string("training_config")).isEmpty();
        }
    }

    /**
     * HDF5 is not thread-safe and its objects' destructors call into it: an object left to the
     * garbage collector is deleted on JavaCPP's thread, racing the next HDF5 call elsewhere.
     */
    @Test
    void everyHdf5ObjectIsDeletedWhenDoneNotLeftToTheGarbageCollector() throws Exception {
        Path h5 = dir.resolve("model.h5");
        new KerasH5Writer().modelConfig("{}").trainingConfig("{}").write(h5);
        int reads = 60;
        long before = Pointer.totalCount();
        for (int i = 0; i < reads / 3; i++) {
            try (Hdf5Attributes attributes = Hdf5Attributes.open(h5)) {
                attributes.string("model_config");
                attributes.string("training_config");
                attributes.string("keras_version");
            }
        }
        // Nothing else allocates native objects meanwhile; the collector may only free older ones. What
        // each read may leave is the plain text buffer HDF5's string replaced (no HDF5 object: its
        // deallocation does not call HDF5); a file, attribute or type left behind would add 3 per read more.
        assertThat(Pointer.totalCount() - before).as("native objects waiting for the collector").isLessThanOrEqualTo(reads);
    }
}
