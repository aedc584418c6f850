package io.layerlab.keras;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5S_SCALAR;
import static org.bytedeco.hdf5.global.hdf5.H5T_VARIABLE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.DataType;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes .h5 files laid out as Keras 2 (tf.keras, h5py) saves a whole model, so importer tests need
 * neither Python nor a network: root attributes model_config, training_config, keras_version and
 * backend; under /model_weights a group per layer with weights, carrying a weight_names attribute
 * ("dense_1/kernel:0", ...) and the arrays in a subgroup named like the layer.
 */
public final class KerasH5Writer {
    /** One weight array in Keras' layout (a Dense kernel is [inputs, units]). */
    public record Weight(String name, long[] shape, float[] values) { }

    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, List<Weight>> weights = new LinkedHashMap<>();
    private boolean variableLengthStrings;

    public KerasH5Writer modelConfig(String json) { return attribute("model_config", json); }

    public KerasH5Writer trainingConfig(String json) { return attribute("training_config", json); }

    public KerasH5Writer attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** Write text attributes as h5py 3 writes Python str: variable-length strings. */
    public KerasH5Writer variableLengthStrings() {
        variableLengthStrings = true;
        return this;
    }

    public KerasH5Writer weights(String layer, Weight... arrays) {
        weights.put(layer, List.of(arrays));
        return this;
    }

    /**
     * Writes the file. Every HDF5 object made here is deleted when the scope closes, on this thread
     * under the HDF5 lock, not later by the garbage collector's thread racing other HDF5 calls.
     */
    public void write(Path path) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope scope = new PointerScope()) {
                write(new H5File(path.toString(), H5F_ACC_TRUNC()));
            }
        }
    }

    private void write(H5File file) {
        try {
            attributes.putIfAbsent("keras_version", "2.2.4");
            attributes.putIfAbsent("backend", "tensorflow");
            for (var a : attributes.entrySet()) text(file, a.getKey(), a.getValue());
            if (!weights.isEmpty()) {
                Group root = file.createGroup("model_weights");
                texts(root, "layer_names", weights.keySet().toArray(String[]::new));
                for (var layer : weights.entrySet()) {
                    Group group = root.createGroup(layer.getKey());
                    texts(group, "weight_names", layer.getValue().stream().map(w -> layer.getKey() + "/" + w.name() + ":0").toArray(String[]::new));
                    Group inner = group.createGroup(layer.getKey());
                    for (Weight w : layer.getValue()) floats(inner, w.name() + ":0", w.shape(), w.values());
                    inner.close();
                    group.close();
                }
                root.close();
            }
        } finally {
            file.close();
        }
    }

    private void text(H5Object target, String name, String value) {
        int length = Math.max(1, value.getBytes(StandardCharsets.UTF_8).length);
        StrType type = variableLengthStrings ? new StrType(PredType.C_S1(), H5T_VARIABLE()) : new StrType(PredType.C_S1(), length);
        DataSpace space = new DataSpace(H5S_SCALAR);
        Attribute attribute = target.createAttribute(name, type, space);
        attribute.write(type, value);
        attribute.close();
        space.close();
        type.close();
    }

    /** An array of fixed-length strings, as h5py writes a numpy array of bytes. */
    private static void texts(H5Object target, String name, String[] values) {
        int width = 1;
        for (String v : values) width = Math.max(width, v.getBytes(StandardCharsets.UTF_8).length);
        byte[] buffer = new byte[Math.max(1, values.length * width)];
        for (int i = 0; i < values.length; i++) {
            byte[] b = values[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, buffer, i * width, b.length);
        }
        StrType type = new StrType(PredType.C_S1(), width);
        DataSpace space = new DataSpace(1, new long[] {values.length});
        Attribute attribute = target.createAttribute(name, type, space);
        attribute.write(type, new BytePointer(buffer));
        attribute.close();
        space.close();
        type.close();
    }

    private static void floats(Group group, String name, long[] shape, float[] values) {
        DataSpace space = new DataSpace(shape.length, shape);
        DataSet data = group.createDataSet(name, new DataType(PredType.IEEE_F32LE()), space);
        data.write(new FloatPointer(values), new DataType(PredType.NATIVE_FLOAT()));
        data.close();
        space.close();
    }
}
