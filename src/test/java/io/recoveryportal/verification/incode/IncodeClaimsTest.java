package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.recoveryportal.verification.ProofingStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IncodeClaimsTest {

  @Test
  void onlyIncodesTwoPassingValuesPass() {
    assertEquals(ProofingStatus.OK, IncodeClaims.status("OK"));
    assertEquals(ProofingStatus.MANUAL_REVIEW, IncodeClaims.status("MANUAL_REVIEW"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"FAIL", "", "ok", "Ok", " OK", "MANUAL_REVIEW_APPROVED", "APPROVED", "true"})
  void everythingElseIsFail(String claim) {
    assertEquals(ProofingStatus.FAIL, IncodeClaims.status(claim));
  }

  @Test
  void aFullDateIsABirthdate() {
    assertEquals(LocalDate.of(1985, 6, 15), IncodeClaims.birthdate("1985-06-15"));
    assertEquals(LocalDate.of(2000, 2, 29), IncodeClaims.birthdate("2000-02-29"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "1985",
        "0000-06-15",
        "1985-02-30",
        "1985-13-01",
        "15/06/1985",
        "1985-6-15",
        "+1985-06-15",
        "1985-06-15T00:00:00Z",
        " 1985-06-15"
      })
  void anythingElseIsNoBirthdate(String claim) {
    assertNull(IncodeClaims.birthdate(claim));
  }

  @Test
  void theScoreIsANumberOrANumericString() {
    assertEquals(98.7, IncodeClaims.score(98.7));
    assertEquals(100.0, IncodeClaims.score(100L));
    assertEquals(100.0, IncodeClaims.score("100.0"));
    assertNull(IncodeClaims.score("high"));
    assertNull(IncodeClaims.score("NaN"));
    assertNull(IncodeClaims.score(true));
    assertNull(IncodeClaims.score(null));
  }
}
