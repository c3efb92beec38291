package io.recoveryportal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the portal's own code (src/main/java, not the tests or the sandbox), each
 * failing the build when broken: no dependency cycle between any two packages; the Microsoft Graph
 * SDK and MSAL only in the Graph adapter; Nimbus only where OAuth and OpenID Connect are spoken; no
 * JPA entity in a Faces page bean; a package-info.java in every package.
 */
class ArchitectureTest {

  private static final String BASE = "io.recoveryportal";

  private static JavaClasses portal;

  @BeforeAll
  static void importPortal() {
    portal =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/io/recoveryportal/sandbox/"))
            .importPackages(BASE);
  }

  /**
   * Every package its own slice (helpdesk and helpdesk.webhook are two), so a port owned by one
   * capability and implemented in another's adapter package is no cycle, and a real cycle between
   * any two packages is.
   */
  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(portal);
  }

  @Test
  void theGraphSdkAndMsalOnlyInTheGraphAdapter() {
    noClasses()
        .that()
        .resideOutsideOfPackage(BASE + ".directory.graph..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..", "com.microsoft.aad..")
        .because("Graph and its tokens are one adapter's business (directory.graph)")
        .check(portal);
  }

  /**
   * Nimbus where the portal speaks OAuth or OpenID Connect itself: the relying-party core (oidc),
   * the Incode adapters (verification.incode: OpenID Connect, the B2B API's client credentials, the
   * discovery readiness check), staff sign-in with Entra (staff), and the token endpoint Incode's
   * webhooks authenticate at (helpdesk.webhook).
   */
  @Test
  void nimbusOnlyWhereOauthIsSpoken() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            BASE + ".oidc..",
            BASE + ".verification.incode..",
            BASE + ".staff..",
            BASE + ".helpdesk.webhook..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds..")
        .check(portal);
  }

  /**
   * A page bean holds view state; an entity in it would be a managed object kept across requests,
   * or a lazy load in a getter.
   */
  @Test
  void noPageBeanHoldsOrReadsAnEntity() {
    DescribedPredicate<JavaClass> pageBean =
        new DescribedPredicate<>("Faces page beans (@Named and view, request or session scoped)") {
          @Override
          public boolean test(JavaClass c) {
            return c.isAnnotatedWith(Named.class)
                && (c.isAnnotatedWith(ViewScoped.class)
                    || c.isAnnotatedWith(RequestScoped.class)
                    || c.isAnnotatedWith(SessionScoped.class));
          }
        };
    noClasses()
        .that(pageBean)
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(Entity.class)
        .orShould()
        .dependOnClassesThat()
        .areAnnotatedWith(Embeddable.class)
        .check(portal);
  }

  @Test
  void everyPackageSaysWhatItOwns() throws IOException {
    Path root = Path.of("src/main/java/io/recoveryportal");
    List<String> missing;
    try (Stream<Path> dirs = Files.walk(root)) {
      missing =
          dirs.filter(Files::isDirectory)
              .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
              .map(d -> root.relativize(d).toString())
              .sorted()
              .toList();
    }
    assertEquals(List.of(), missing, "packages without a package-info.java");
  }

  private static boolean hasJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
