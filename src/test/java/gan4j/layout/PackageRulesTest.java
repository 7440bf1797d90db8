package gan4j.layout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layout README's architecture section promises: no package cycles, DL4J kept to the engine. */
class PackageRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gan4j");
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        slices().matching("gan4j.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theGanSideNeverSeesDl4jsNetworksOrGradients() {
        noClasses().that().resideInAnyPackage("gan4j.train..", "gan4j.objective..", "gan4j.penalty..",
                        "gan4j.event..", "gan4j.run..", "gan4j.report..", "gan4j.model..", "gan4j.cli..",
                        "gan4j.config..", "gan4j.data..", "gan4j.io..", "gan4j.bench..", "gan4j.augment..",
                        "gan4j.export..", "gan4j.html..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j.nn.multilayer..",
                        "org.deeplearning4j.nn.graph..", "org.deeplearning4j.nn.gradient..",
                        "org.deeplearning4j.util..")
                .check(main);
    }

    @Test
    void theGroundFloorImportsNothingOfGan4j() {
        classes().that().resideInAPackage("gan4j.io..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("gan4j.io..", "java..", "org.snakeyaml..")
                .check(main);
    }

    @Test
    void htmlPagesAreBuiltFromFilesAloneWithoutTheEngine() {
        classes().that().resideInAPackage("gan4j.html..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("gan4j.html..", "gan4j.io..", "gan4j.event..", "gan4j.train..", "java..",
                        "javax..")
                .check(main);
    }

    /** Sweeps are files for a scheduler, and status is read on login nodes: nothing of the engine loads there. */
    @Test
    void sweepsNeverTouchTheEngineOrTheTrainer() {
        noClasses().that().resideInAPackage("gan4j.sweep..").should().dependOnClassesThat()
                .resideInAnyPackage("gan4j.nn..", "gan4j.train..", "gan4j.model..", "gan4j.arch..",
                        "org.nd4j..", "org.deeplearning4j..")
                .check(main);
    }

    /** The health monitor learns everything from run events: the run wires it, never the other way round. */
    @Test
    void theHealthMonitorKnowsNothingOfTheRunOrTheCommands() {
        noClasses().that().resideInAPackage("gan4j.health..").should().dependOnClassesThat()
                .resideInAnyPackage("gan4j.run..", "gan4j.cli..", "gan4j.html..", "org.deeplearning4j..")
                .check(main);
    }

    /** Metrics see a feature network only through FeatureExtractor; TensorFlow's graph classes stay in its importer. */
    @Test
    void metricsMeetUserNetworksOnlyThroughTheirInterface() {
        noClasses().that().resideInAPackage("gan4j.metrics..").should().dependOnClassesThat()
                .resideInAnyPackage("gan4j.nn.features..", "org.tensorflow..", "org.nd4j.imports..")
                .check(main);
        noClasses().that().resideOutsideOfPackage("gan4j.nn.features..").should().dependOnClassesThat()
                .resideInAnyPackage("org.tensorflow..", "org.nd4j.imports..")
                .check(main);
    }
}
