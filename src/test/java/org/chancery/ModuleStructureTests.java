package org.chancery;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.time.format.DateTimeFormatter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

/** The module structure of STYLE.md, checked on the compiled classes. */
class ModuleStructureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chancery");

    @Test
    void featureModulesHaveNoCycles() {
        slices().matching("org.chancery.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.chancery.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chancery.country..", "org.chancery.relation..",
                        "org.chancery.diplomat..", "org.chancery.meeting..", "org.chancery.mission..",
                        "org.chancery.milestone..", "org.chancery.timeline..", "org.chancery.demo..",
                        "org.chancery.accreditation..", "org.chancery.imports..", "org.chancery.history..")
                .check(CLASSES);
    }

    @Test
    void domainCodeDoesNotDependOnTheWebAdapters() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.chancery..web..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.chancery.shared.."))))
                .because("the HTTP adapter of a feature sits on top of it, never under it")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotTransactional() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..web..")
                .andShould().notBeAnnotatedWith(Transactional.class).check(CLASSES);
    }

    @Test
    void transactionsAreOpenedByServicesNotByTheWebPackages() {
        noClasses().that().resideInAPackage("..web..")
                .should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat()
                .belongToAnyOf(TransactionTemplate.class, PlatformTransactionManager.class)
                .because("a transaction is a service's: @Transactional on services only (STYLE.md)")
                .check(CLASSES);
        noMethods().that().areDeclaredInClassesThat().resideInAPackage("..web..")
                .should().beAnnotatedWith(Transactional.class).check(CLASSES);
    }

    @Test
    void entitiesStayOutOfWebPackages() {
        classes().that().areAnnotatedWith(Entity.class).should().resideOutsideOfPackage("..web..").check(CLASSES);
    }

    @Test
    void entitiesChangeStateOnlyThroughTheirModule() {
        // a transition (mission.open(on), relation.record(…)) is package-private: only its module's service, which
        // checks the rules that span aggregates (R5–R9, R20) under the pair's lock, calls it; public methods are
        // queries, and no setter exists
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class).and().arePublic()
                .should().notHaveRawReturnType(void.class).andShould().haveNameNotStartingWith("set")
                .andShould(new ArchCondition<JavaMethod>("not change a field of their entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        method.getFieldAccesses().stream()
                                .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.SET)
                                .filter(access -> access.getTargetOwner().equals(method.getOwner()))
                                .forEach(access -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " sets " + access.getTarget().getName())));
                    }
                })
                .check(CLASSES);
        constructors().that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
                .and().haveRawParameterTypes(new Class<?>[0]).should().beProtected()
                .because("JPA needs the constructor, and nothing else should make an entity without its invariants")
                .check(CLASSES);
    }

    @Test
    void textsDoNotDependOnTheHostsLocale() {
        // a Turkish host lower-cases "DIPLOMATIC" to "dıplomatıc", an Arabic one formats 12 as "١٢"; formatted(…)
        // stays for the SQL templates of %s (a string's %s is the same in every locale), and is no place for a %d
        noClasses().should().callMethod(String.class, "toLowerCase").orShould().callMethod(String.class, "toUpperCase")
                .orShould().callMethod(String.class, "format", String.class, Object[].class)
                .orShould().callMethod(String.class, "getBytes").orShould().callConstructor(String.class, byte[].class)
                .orShould().callConstructor(String.class, byte[].class, int.class, int.class)
                .orShould().callMethod(DateTimeFormatter.class, "ofPattern", String.class)
                .because("an answer is the same whatever the host's language or encoding: Locale.ROOT, UTF-8")
                .check(CLASSES);
    }

    @Test
    void thereAreNoLayerPackages() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..").check(CLASSES);
    }
}
