package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pure rules: which role opens which area, which roles count, where a browser may be sent back
 * to.
 */
class StaffRulesTest {

  private static final Instant T = Instant.parse("2025-03-04T09:00:00Z");

  private static StaffPrincipal with(StaffRole... roles) {
    return new StaffPrincipal("oid", "u", "n", Set.of(roles), T, T);
  }

  @Test
  void eachAreaOpensForItsRolesOnly() {
    assertTrue(StaffArea.REVIEW.admits(with(StaffRole.REVIEWER)));
    assertTrue(StaffArea.REVIEW.admits(with(StaffRole.SENIOR_REVIEWER)));
    assertFalse(
        StaffArea.REVIEW.admits(with(StaffRole.HELPDESK, StaffRole.ADMIN)),
        "admin is not reviewer");
    assertTrue(StaffArea.HELPDESK.admits(with(StaffRole.HELPDESK)));
    assertFalse(StaffArea.HELPDESK.admits(with(StaffRole.REVIEWER, StaffRole.SENIOR_REVIEWER)));
    assertTrue(StaffArea.ADMIN.admits(with(StaffRole.ADMIN)));
    assertFalse(StaffArea.ADMIN.admits(with(StaffRole.HELPDESK)));
    assertFalse(StaffArea.REVIEW.admits(with()));
    assertFalse(StaffArea.REVIEW.admits(null));
  }

  @Test
  void areasByPath() {
    assertEquals(Optional.of(StaffArea.REVIEW), StaffArea.of("/review"));
    assertEquals(Optional.of(StaffArea.REVIEW), StaffArea.of("/review/index.xhtml"));
    assertEquals(Optional.of(StaffArea.ADMIN), StaffArea.of("/admin/x/y.xhtml"));
    assertEquals(Optional.of(StaffArea.HELPDESK), StaffArea.of("/helpdesk/"));
    assertEquals(Optional.empty(), StaffArea.of("/reviewers.xhtml"));
    assertEquals(Optional.empty(), StaffArea.of("/index.xhtml"));
    assertEquals(Optional.empty(), StaffArea.of(null));
  }

  @Test
  void unknownRolesAreDroppedAndCaseMatters() {
    assertEquals(
        Set.of(StaffRole.REVIEWER, StaffRole.SENIOR_REVIEWER),
        StaffRole.fromClaims(
            List.of("Reviewer", "SeniorReviewer", "Owner", "reviewer", "ADMIN", "auditor")));
    assertEquals(Set.of(), StaffRole.fromClaims(null));
  }

  @Test
  void localPathsAreKept() {
    assertEquals("/review/index.xhtml", LocalPath.orDefault("/review/index.xhtml"));
    assertEquals("/review", LocalPath.orDefault("/review"));
    assertEquals(
        "/review/case.xhtml?id=RC-ABCD2345",
        LocalPath.orDefault("/review/case.xhtml?id=RC-ABCD2345"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "evil.example",
        "javascript:alert(1)",
        "/review\r\nSet-Cookie: x=y",
        "/review#x",
        " /review",
        "",
        "@evil.example",
        "https:/evil.example",
        "/review/\u0000"
      })
  void anythingElseGoesToTheDefault(String next) {
    assertEquals(LocalPath.DEFAULT, LocalPath.orDefault(next));
  }

  @Test
  void noNextGoesToTheDefault() {
    assertEquals(LocalPath.DEFAULT, LocalPath.orDefault(null));
  }
}
