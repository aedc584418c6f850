package io.layerlab.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;

import io.layerlab.model.ModelFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Reads the string attributes a Keras .h5 file keeps on its root (model_config, training_config,
 * keras_version, backend). HDF5's own string reader sizes the buffer from the attribute, so fixed-
 * and variable-length strings of any length read correctly (h5py 3 writes Python str attributes
 * as variable-length strings).
 *
 * <p>HDF5 is built without thread safety, and every HDF5 object's C++ destructor calls into the library.
 * So each object is closed and deallocated here, under DL4J's {@link Hdf5Archive#LOCK_OBJECT} as DL4J
 * does: left to the garbage collector, JavaCPP would delete it on its own thread, racing any other
 * HDF5 call (the test suite once saw HDF5 fail to create a file, then the JVM crash).
 */
final class Hdf5Attributes implements AutoCloseable {
    private final Path path;
    private final H5File file;

    private Hdf5Attributes(Path path, H5File file) {
        this.path = path;
        this.file = file;
    }

    static Hdf5Attributes open(Path path) throws ModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            org.bytedeco.hdf5.Exception.dontPrint();
            try {
                return new Hdf5Attributes(path, new H5File(path.toString(), H5F_ACC_RDONLY()));
            } catch (RuntimeException e) {
                throw new ModelFileException(path, "is truncated or damaged: HDF5 cannot open it (" + e.getMessage() + ")", e);
            }
        }
    }

    /** The root attribute {@code name} as text, or empty when the file has no such attribute. */
    Optional<String> string(String name) throws ModelFileException {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try {
                if (!file.attrExists(name)) return Optional.empty();
                Attribute attribute = file.openAttribute(name);
                try {
                    if (attribute.getTypeClass() != H5T_STRING) {
                        throw new ModelFileException(path, "has a " + name + " attribute that is not text");
                    }
                    StrType type = attribute.getStrType();
                    try {
                        // An empty C string in, HDF5's std::string out: the binding replaces the pointer with the result.
                        BytePointer text = new BytePointer("");
                        attribute.read(type, text);
                        String value = new String(text.getStringBytes(), StandardCharsets.UTF_8);
                        text.deallocate();
                        return Optional.of(value);
                    } finally {
                        type.close();
                        type.deallocate();
                    }
                } finally {
                    attribute.close();
                    attribute.deallocate();
                }
            } catch (RuntimeException e) {
                throw new ModelFileException(path, "has a " + name + " attribute that cannot be read: " + e.getMessage(), e);
            }
        }
    }

    @Override public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            file.close();
            file.deallocate();
        }
    }
}
