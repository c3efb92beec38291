package io.recoveryportal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/ cannot run here (no Docker engine, no Kubernetes), so it is kept honest by reading it:
 * every variable it gives the portal is a key of the README's configuration table (by MicroProfile
 * Config's mapping, {@code db.url} is {@code DB_URL}), or is named in the README's "Running a
 * cluster" section (the JVM's and Kubernetes' own).
 */
class DeployFilesTest {

  private static final Pattern KEY = Pattern.compile("`([a-z][a-z0-9.-]+)`");

  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"));
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertTrue(start >= 0, "README has " + heading);
    int end = readme.indexOf("\n## ", start + heading.length() + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The environment variable of every key in the configuration table. */
  private static Set<String> documentedVariables() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (String line : section(readme(), "## Configuration").split("\n")) {
      if (line.startsWith("| `")) {
        Matcher k = KEY.matcher(line.substring(0, line.indexOf(" |", 2)));
        while (k.find()) {
          names.add(RequiredSettings.environmentName(k.group(1)));
        }
      }
    }
    return names;
  }

  private static List<String> kubernetesVariables() throws IOException {
    List<String> names = new ArrayList<>();
    Matcher m =
        Pattern.compile("(?m)^\\s+- name: ([A-Z][A-Z0-9_]*)\\s*$")
            .matcher(Files.readString(Path.of("deploy/kubernetes.yaml")));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<String> composeVariables() throws IOException {
    String compose = Files.readString(Path.of("deploy/compose.yaml"));
    int start = compose.indexOf("x-portal-environment:");
    String block = compose.substring(start, compose.indexOf("\n\n", start));
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+- ([A-Z][A-Z0-9_]*)=").matcher(block);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static void assertDocumented(String file, List<String> variables) throws IOException {
    assertFalse(variables.isEmpty(), file + " sets variables");
    Set<String> documented = documentedVariables();
    String cluster = section(readme(), "### Running a cluster");
    List<String> missing =
        variables.stream()
            .filter(v -> !documented.contains(v) && !cluster.contains("`" + v + "`"))
            .toList();
    assertTrue(
        missing.isEmpty(), file + " sets variables the README does not document: " + missing);
  }

  @Test
  void everyVariableTheKubernetesManifestSetsIsDocumented() throws IOException {
    assertDocumented("deploy/kubernetes.yaml", kubernetesVariables());
  }

  @Test
  void everyVariableTheComposeFileGivesThePortalIsDocumented() throws IOException {
    assertDocumented("deploy/compose.yaml", composeVariables());
  }

  @Test
  void theTableItselfMapsKeysToTheirVariables() throws IOException {
    Set<String> documented = documentedVariables();
    assertTrue(
        documented.containsAll(
            List.of("DB_URL", "PORTAL_BASE_URL", "PORTAL_TRUSTED_PROXIES", "GRAPH_BUDGET_SHARE")),
        documented.toString());
  }

  @Test
  void theManifestHasWhatAPlatformTeamNeeds() throws IOException {
    String k8s = Files.readString(Path.of("deploy/kubernetes.yaml"));
    for (String needed :
        List.of(
            "replicas: 3",
            "clusterIP: None",
            "kind: PodDisruptionBudget",
            "readinessProbe:",
            "livenessProbe:",
            "port: management",
            "secretKeyRef:",
            "--clustermode",
            "dns:portal-grid.")) {
      assertTrue(k8s.contains(needed), "deploy/kubernetes.yaml has " + needed);
    }
    String compose = Files.readString(Path.of("deploy/compose.yaml"));
    for (String needed :
        List.of("portal-a:", "portal-b:", "postgres:", "image: caddy", "internal: true")) {
      assertTrue(compose.contains(needed), "deploy/compose.yaml has " + needed);
    }
  }
}
