package com.escalationanalyst.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure of docs/design.md "Code layout": no package depends on itself through others, and
 * the layers only reach down (foundation ← stores ← feeds ← analyses ← the application).
 */
class ArchitectureTest {

    private static final String ROOT = "com.escalationanalyst";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Every package is its own slice (analysis and analysis.patterns are two). */
    static ArchRule noPackageCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy(ROOT)
                .layer("Analyses").definedBy(ROOT + ".analysis..", ROOT + ".sla..", ROOT + ".drilldown..",
                        ROOT + ".report..", ROOT + ".archive..", ROOT + ".ask..", ROOT + ".selfcheck..",
                        ROOT + ".operations..")
                .layer("Feeds").definedBy(ROOT + ".dataimport..", ROOT + ".helpdesk.sync..", ROOT + ".crm.sync..",
                        ROOT + ".demo..")
                .layer("Stores").definedBy(ROOT + ".helpdesk", ROOT + ".crm", ROOT + ".knowledge..",
                        ROOT + ".period..")
                .layer("Foundation").definedBy(ROOT + ".api..", ROOT + ".config..", ROOT + ".store..",
                        ROOT + ".csv..", ROOT + ".process..", ROOT + ".security..", ROOT + ".sync..")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .whereLayer("Analyses").mayOnlyAccessLayers("Stores", "Foundation")
                .whereLayer("Feeds").mayOnlyAccessLayers("Stores", "Foundation")
                .whereLayer("Stores").mayOnlyAccessLayers("Foundation")
                .whereLayer("Foundation").mayNotAccessAnyLayer();
    }

    @Test
    void packagesAreFreeOfCycles() {
        noPackageCycles().check(classes);
    }

    @Test
    void layersOnlyReachDown() {
        layers().check(classes);
    }

    /** The rules can fail: a class that reaches up from the foundation is reported. */
    @Test
    void rulesReportAViolation() {
        JavaClasses withUpwardDependency = new ClassFileImporter().importClasses(
                com.escalationanalyst.store.StoreDatabase.class, UpwardFromStore.class,
                com.escalationanalyst.report.ReportSettings.class);
        EvaluationResult result = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Analyses").definedBy(ROOT + ".report..")
                .layer("Foundation").definedBy(ROOT + ".architecture..")
                .whereLayer("Foundation").mayNotAccessAnyLayer()
                .evaluate(withUpwardDependency);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("UpwardFromStore").contains("ReportSettings"));
    }

    /** Stands in for a foundation class that depends on a feature. */
    static class UpwardFromStore {
        Object settings(com.escalationanalyst.report.ReportSettings settings) {
            return settings;
        }
    }
}
