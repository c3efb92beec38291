package io.recoveryportal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring: the Grafana dashboard is JSON Grafana can import (an input for the data
 * source, panels with queries) and the alert rules name the four alerts the issue asks for; both
 * use only families the portal serves, so a renamed metric cannot silently blank a panel or an
 * alert.
 */
class MonitoringFilesTest {

  private static final Pattern FAMILY = Pattern.compile("\\bportal_[a-z_]+\\b");
  private static final Path DIR = Path.of("deploy/monitoring");

  private static Set<String> families(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = FAMILY.matcher(text);
    while (m.find()) {
      found.add(PortalFamilies.familyOf(m.group()));
    }
    return found;
  }

  @Test
  void theDashboardImportsAndQueriesOnlyServedFamilies() throws Exception {
    JsonObject d =
        Json.createReader(new StringReader(Files.readString(DIR.resolve("grafana-dashboard.json"))))
            .readObject();
    assertEquals("DS_PROMETHEUS", d.getJsonArray("__inputs").getJsonObject(0).getString("name"));
    List<String> exprs = new ArrayList<>();
    for (JsonValue p : d.getJsonArray("panels")) {
      JsonObject panel = p.asJsonObject();
      if (panel.containsKey("targets")) {
        panel.getJsonArray("targets").forEach(t -> exprs.add(t.asJsonObject().getString("expr")));
      }
    }
    assertTrue(exprs.size() >= 20, "panels with queries: " + exprs.size());
    Set<String> used = families(String.join("\n", exprs));
    used.removeAll(PortalFamilies.ALL);
    assertEquals(Set.of(), used, "families the portal does not serve");
    Set<String> unused = new TreeSet<>(PortalFamilies.ALL);
    unused.removeAll(families(String.join("\n", exprs)));
    assertEquals(Set.of(), unused, "every family has a panel");
  }

  @Test
  void theAlertRulesCoverTheIssuesFourAndUseOnlyServedFamilies() throws Exception {
    String rules = Files.readString(DIR.resolve("prometheus-alerts.yaml"));
    for (String alert :
        List.of("ReviewQueueOverdue", "GraphThrottlingStorm", "IncodeErrors", "ResetFailures")) {
      assertTrue(rules.contains("- alert: " + alert), alert);
    }
    Set<String> used = families(rules);
    used.removeAll(PortalFamilies.ALL);
    assertEquals(Set.of(), used, "families the portal does not serve");
  }
}
