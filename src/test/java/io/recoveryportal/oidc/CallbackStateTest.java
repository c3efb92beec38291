package io.recoveryportal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The callback's state as Nimbus reads it: the pending request a callback claims to answer,
 * decoded, checked nowhere here.
 */
class CallbackStateTest {

  private static Optional<String> state(String query) {
    return RelyingParty.stateOf(
        URI.create("https://portal.example/verify/callback" + (query == null ? "" : "?" + query)));
  }

  @Test
  void aSuccessAndAnErrorResponseNameTheirState() {
    assertEquals(Optional.of("s-1"), state("code=abc&state=s-1&iss=https%3A%2F%2Fauth.example"));
    assertEquals(Optional.of("s-2"), state("error=access_denied&state=s-2"));
  }

  @Test
  void theStateIsDecoded() {
    assertEquals(Optional.of("a b/c"), state("code=abc&state=a+b%2Fc"));
  }

  @Test
  void noStateOrNoQueryIsEmpty() {
    assertEquals(Optional.empty(), state("code=abc"));
    assertEquals(Optional.empty(), state(null));
  }

  @Test
  void aCallbackThatIsNoAuthorizationResponseStillNamesItsState() {
    // neither code nor error: RelyingParty.complete refuses it; the state still says which request
    // it claims
    assertEquals(Optional.of("s-3"), state("state=s-3&foo=bar"));
  }
}
