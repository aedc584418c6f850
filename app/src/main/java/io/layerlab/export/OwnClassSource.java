package io.layerlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of LayerLab's own DL4J classes (a layer DL4J lacks) as a generated Java file carries it: the
 * class's source, shipped in the jar by the build (see the pom's resources), turned into a nested
 * static class with its imports listed apart. Reading the real source keeps the copy identical to
 * what the compiler uses, so a file that rebuilds the network behaves and serialises the same.
 *
 * @param imports    the source's imports, in its order
 * @param nestedBody the class, from its javadoc on, indented one level and declared static
 */
record OwnClassSource(List<String> imports, String nestedBody) {
    /** Where the build puts the sources of the classes generated files carry. */
    static final String RESOURCE_ROOT = "/layerlab-sources/";

    private static final Pattern IMPORT = Pattern.compile("(?m)^import ([\\w.]+);");

    /** The class {@code qualifiedName} (e.g. "io.layerlab.compile.layers.GruLayer") as a nested class. */
    static OwnClassSource of(String qualifiedName) {
        String path = RESOURCE_ROOT + qualifiedName.replace('.', '/') + ".java";
        try (InputStream in = OwnClassSource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the build did not package " + path + " (see the pom's resources)");
            }
            return fromSource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OwnClassSource fromSource(String source) {
        List<String> imports = IMPORT.matcher(source).results().map(r -> r.group(1)).toList();
        String body = source.substring(source.indexOf("\n/**") + 1)
                .replaceFirst("(?m)^public (final )?class ", "public static $1class ");
        String nested = "\n" + body.lines().map(l -> l.isBlank() ? "" : "    " + l).collect(Collectors.joining("\n")) + "\n";
        return new OwnClassSource(imports, nested);
    }
}
