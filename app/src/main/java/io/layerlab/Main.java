package io.layerlab;

public final class Main {
    public static void main(String[] args) {
        System.out.println("LayerLab");
    }
}
