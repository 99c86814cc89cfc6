package dev.perfgate.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The three modules and the one way they may lean: the engine and the gate both on the result model, never on
 * each other, and the model on neither. The model is the result file: a gate that reads results must not need
 * the load driver, and the file format must not change when the engine does. Each module's pom already keeps
 * the others off its classpath (and its tests with it); this test sees all three together, from the command
 * line's classpath, so it also catches a package of one module that needs a package of another and back.
 */
class LayeringTest {

    private static final String[] MODEL = {"dev.perfgate.core.result..", "dev.perfgate.core.slo..", "dev.perfgate.core.stats..",
            "dev.perfgate.core.io..", "dev.perfgate.core.time.."};
    private static final String[] GATE = {"dev.perfgate.core.compare..", "dev.perfgate.core.report..", "dev.perfgate.core.jmh..",
            "dev.perfgate.core.calibrate.."};
    private static final String[] ENGINE = {"dev.perfgate.core.engine..", "dev.perfgate.core.http..", "dev.perfgate.core.scenario..",
            "dev.perfgate.core.stages..", "dev.perfgate.core.metrics.."};

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.perfgate.core");

    @Test
    void seesTheClassesOfTheThreeModules() {
        assertThat(CODE.containPackage("dev.perfgate.core.result")).as("the model").isTrue();
        assertThat(CODE.containPackage("dev.perfgate.core.compare")).as("the gate").isTrue();
        assertThat(CODE.containPackage("dev.perfgate.core.engine")).as("the engine").isTrue();
    }

    @Test
    void theModelLeansOnNeitherTheEngineNorTheGate() {
        noClasses().that().resideInAnyPackage(MODEL).should().dependOnClassesThat().resideInAnyPackage(ENGINE).check(CODE);
        noClasses().that().resideInAnyPackage(MODEL).should().dependOnClassesThat().resideInAnyPackage(GATE).check(CODE);
    }

    @Test
    void theGateReadsResultsWithoutTheEngine() {
        noClasses().that().resideInAnyPackage(GATE).should().dependOnClassesThat().resideInAnyPackage(ENGINE).check(CODE);
    }

    @Test
    void theEngineWritesResultsWithoutTheGate() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat().resideInAnyPackage(GATE).check(CODE);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("dev.perfgate.core.(**)").should().beFreeOfCycles().check(CODE);
    }
}
