package io.layerlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is plain Java: only the ui package may use JavaFX, and the core never calls the ui. */
@AnalyzeClasses(packages = "io.layerlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {"io.layerlab.graph..", "io.layerlab.catalog..", "io.layerlab.shape..",
            "io.layerlab.compile..", "io.layerlab.data..", "io.layerlab.train..", "io.layerlab.project..",
            "io.layerlab.export..", "io.layerlab.model..", "io.layerlab.keras..", "io.layerlab.cli..", "io.layerlab.nd4j.."};

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..");

    @ArchTest
    static final ArchRule coreDoesNotCallTheUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage("io.layerlab.ui..");

    @ArchTest
    static final ArchRule graphModelKnowsNoDeepLearningLibrary = noClasses().that()
            .resideInAnyPackage("io.layerlab.graph..", "io.layerlab.catalog..", "io.layerlab.shape..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");
}
