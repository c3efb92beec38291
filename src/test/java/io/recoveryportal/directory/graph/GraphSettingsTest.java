package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphSettingsTest {

  private static final GraphSettings PUBLIC_CLOUD =
      GraphSettings.of("tenant-1", "client-1", "s3cr3t-value");

  @Test
  void publicCloudDefaults() {
    assertEquals("https://login.microsoftonline.com/tenant-1/", PUBLIC_CLOUD.authority());
    assertTrue(PUBLIC_CLOUD.instanceDiscovery());
    assertEquals("graph.microsoft.com", PUBLIC_CLOUD.graphHost());
    assertEquals("https://graph.microsoft.com/.default", PUBLIC_CLOUD.graphScope());
  }

  @Test
  void nationalCloudGraphIsItsOwnResource() {
    GraphSettings us =
        PUBLIC_CLOUD.withEndpoints(
            "https://login.microsoftonline.us/", "https://graph.microsoft.us/v1.0/");
    assertEquals("https://login.microsoftonline.us/tenant-1/", us.authority());
    assertTrue(us.instanceDiscovery());
    assertEquals("https://graph.microsoft.us/.default", us.graphScope());
    assertEquals("https://graph.microsoft.us/v1.0", us.graphBaseUrl());
  }

  @Test
  void standInHostsSkipInstanceDiscoveryAndAskForTheGlobalAudience() {
    GraphSettings sandbox =
        PUBLIC_CLOUD.withEndpoints("https://localhost:8443", "http://localhost:8080/graph/v1.0");
    assertFalse(sandbox.instanceDiscovery());
    assertEquals("localhost", sandbox.graphHost());
    assertEquals("https://graph.microsoft.com/.default", sandbox.graphScope());
  }

  @Test
  void tokensNeverTravelInClearBeyondThisMachine() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PUBLIC_CLOUD.withEndpoints(null, "http://graph.example.com/v1.0"));
    assertThrows(
        IllegalArgumentException.class,
        () -> PUBLIC_CLOUD.withEndpoints("http://localhost:8443", null));
  }

  @Test
  void secretsAreRequiredAndNeverPrinted() {
    assertFalse(
        PUBLIC_CLOUD
            .withTrustStore(java.nio.file.Path.of("t.p12"), "store-pass")
            .toString()
            .contains("s3cr3t"));
    assertFalse(
        PUBLIC_CLOUD
            .withTrustStore(java.nio.file.Path.of("t.p12"), "store-pass")
            .toString()
            .contains("store-pass"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PUBLIC_CLOUD.withClientSecret(" "));
    assertTrue(e.getMessage().contains("entra.client-secret"));
  }

  @Test
  void pacingDefaultsToTheSmallestTenantsWholeBudgetAndIsNeverOffAgainstRealGraph() {
    assertEquals(GraphSettings.Pacing.DEFAULT, PUBLIC_CLOUD.pacing());
    GraphSettings.Pacing quarter = new GraphSettings.Pacing(GraphBudget.TenantSize.L, 0.25, false);
    assertEquals(quarter, PUBLIC_CLOUD.withPacing(quarter).withEndpoints(null, null).pacing());
    for (double bad : new double[] {0, -1, 1.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new GraphSettings.Pacing(GraphBudget.TenantSize.M, bad, false),
          "share " + bad);
    }
    GraphSettings.Pacing off = new GraphSettings.Pacing(GraphBudget.TenantSize.S, 1, true);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PUBLIC_CLOUD.withPacing(off));
    assertTrue(e.getMessage().startsWith("graph.pacing=off"), e.getMessage());
    assertTrue(
        PUBLIC_CLOUD
            .withEndpoints("https://localhost:9443", "http://localhost:9080/graph/v1.0")
            .withPacing(off)
            .pacing()
            .off());
  }
}
