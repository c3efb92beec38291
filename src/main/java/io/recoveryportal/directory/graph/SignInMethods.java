package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.EmailAuthenticationMethod;
import com.microsoft.graph.models.Fido2AuthenticationMethod;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.PlatformCredentialAuthenticationMethod;
import com.microsoft.graph.models.SoftwareOathAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.WindowsHelloForBusinessAuthenticationMethod;
import com.microsoft.graph.users.item.authentication.AuthenticationRequestBuilder;
import io.recoveryportal.reset.MethodKind;
import io.recoveryportal.reset.SignInMethod;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The registered sign-in methods an MFA reset may remove, as Graph lists them and deletes them.
 * Graph has no delete on the generic {@code /methods/{id}}: each kind goes through its own typed
 * endpoint. There is no way from a {@link MethodKind} to the password method, and the password
 * method maps to no kind, so it can never be deleted here.
 */
final class SignInMethods {

  /**
   * Graph's fixed ids of the mobile and alternate mobile phone methods
   * (phoneauthenticationmethod-delete).
   */
  private static final String MOBILE_ID = "3179e48a-750b-4051-897c-87b9720928f7";

  private static final String ALTERNATE_MOBILE_ID = "b6332ec1-7057-4abe-9331-3d72feddfe41";

  /**
   * Deletion order: everything else first, then phones with alternateMobile before mobile, because
   * Entra refuses to delete a mobile phone while an alternate mobile depends on it. Phones are told
   * apart by the ids Graph fixes for each phone type.
   */
  static final Comparator<SignInMethod> DELETION_ORDER =
      Comparator.comparingInt(SignInMethods::deletionRank);

  /**
   * The SDK builds each listed method as the exact class its {@code @odata.type} names. The
   * password method is deliberately absent, and so is any type newer than {@link MethodKind}:
   * neither is ever deleted.
   */
  private static final Map<Class<? extends AuthenticationMethod>, MethodKind> KINDS =
      Map.of(
          PhoneAuthenticationMethod.class, MethodKind.PHONE,
          MicrosoftAuthenticatorAuthenticationMethod.class, MethodKind.MICROSOFT_AUTHENTICATOR,
          SoftwareOathAuthenticationMethod.class, MethodKind.SOFTWARE_OATH,
          Fido2AuthenticationMethod.class, MethodKind.FIDO2,
          EmailAuthenticationMethod.class, MethodKind.EMAIL,
          WindowsHelloForBusinessAuthenticationMethod.class, MethodKind.WINDOWS_HELLO_FOR_BUSINESS,
          PlatformCredentialAuthenticationMethod.class, MethodKind.PLATFORM_CREDENTIAL,
          TemporaryAccessPassAuthenticationMethod.class, MethodKind.TEMPORARY_ACCESS_PASS);

  private SignInMethods() {}

  /** The method as a kind the portal knows, or empty. */
  static Optional<SignInMethod> of(AuthenticationMethod m) {
    return Optional.ofNullable(KINDS.get(m.getClass()))
        .map(
            kind ->
                new SignInMethod(
                    kind,
                    m.getId(),
                    m.getCreatedDateTime() == null ? null : m.getCreatedDateTime().toInstant()));
  }

  /** DELETE on the method's typed endpoint. */
  static void delete(AuthenticationRequestBuilder auth, SignInMethod m) {
    switch (m.kind()) {
      case PHONE -> auth.phoneMethods().byPhoneAuthenticationMethodId(m.id()).delete();
      case MICROSOFT_AUTHENTICATOR ->
          auth.microsoftAuthenticatorMethods()
              .byMicrosoftAuthenticatorAuthenticationMethodId(m.id())
              .delete();
      case SOFTWARE_OATH ->
          auth.softwareOathMethods().bySoftwareOathAuthenticationMethodId(m.id()).delete();
      case FIDO2 -> auth.fido2Methods().byFido2AuthenticationMethodId(m.id()).delete();
      case EMAIL -> auth.emailMethods().byEmailAuthenticationMethodId(m.id()).delete();
      case WINDOWS_HELLO_FOR_BUSINESS ->
          auth.windowsHelloForBusinessMethods()
              .byWindowsHelloForBusinessAuthenticationMethodId(m.id())
              .delete();
      case PLATFORM_CREDENTIAL ->
          auth.platformCredentialMethods()
              .byPlatformCredentialAuthenticationMethodId(m.id())
              .delete();
      case TEMPORARY_ACCESS_PASS ->
          auth.temporaryAccessPassMethods()
              .byTemporaryAccessPassAuthenticationMethodId(m.id())
              .delete();
    }
  }

  private static int deletionRank(SignInMethod m) {
    if (m.kind() != MethodKind.PHONE) {
      return 0;
    }
    if (ALTERNATE_MOBILE_ID.equals(m.id())) {
      return 1;
    }
    return MOBILE_ID.equals(m.id()) ? 3 : 2;
  }
}
