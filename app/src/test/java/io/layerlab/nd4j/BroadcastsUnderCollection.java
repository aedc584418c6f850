package io.layerlab.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The crash {@link NativeBufferGuard} prevents, as a program of its own (a crash ends the JVM):
 * adds a bias row to a minibatch-sized matrix over and over, as a dense layer does every iteration,
 * while another thread makes garbage so that collections start while the main thread is inside
 * ND4J's native code. Arguments: seconds to run, then {@code guarded} or {@code unguarded}. Prints
 * {@code survived N broadcasts} and exits 0 unless the JVM dies first.
 */
public final class BroadcastsUnderCollection {
    private BroadcastsUnderCollection() { }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        if (args[1].equals("guarded") && !NativeBufferGuard.install()) {
            throw new IllegalStateException("the guard did not install");
        }
        INDArray bias = Nd4j.rand(1, 64);
        INDArray activations = Nd4j.rand(32, 64);
        Thread garbage = new Thread(BroadcastsUnderCollection::makeGarbage, "garbage");
        garbage.setDaemon(true);
        garbage.start();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long broadcasts = 0;
        while (System.nanoTime() < end) {
            activations.addiRowVector(bias);
            broadcasts++;
        }
        System.out.println("survived " + broadcasts + " broadcasts");
    }

    private static volatile Object sink;

    private static void makeGarbage() {
        while (true) {
            byte[][] junk = new byte[64][];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = new byte[1024];
            }
            sink = junk;
        }
    }
}
