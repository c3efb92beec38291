package io.recoveryportal.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The authentication method types the sandbox's Entra knows, with their names in the seed
 * ("phone"), in Graph's URL segments ("phoneMethods") and in {@code @odata.type}. Graph offers no
 * delete on password methods.
 */
public enum AuthMethodType {
  PASSWORD("password", "passwordAuthenticationMethod", false),
  PHONE("phone", "phoneAuthenticationMethod", true),
  MICROSOFT_AUTHENTICATOR(
      "microsoftAuthenticator", "microsoftAuthenticatorAuthenticationMethod", true),
  EMAIL("email", "emailAuthenticationMethod", true),
  FIDO2("fido2", "fido2AuthenticationMethod", true),
  SOFTWARE_OATH("softwareOath", "softwareOathAuthenticationMethod", true),
  WINDOWS_HELLO_FOR_BUSINESS(
      "windowsHelloForBusiness", "windowsHelloForBusinessAuthenticationMethod", true),
  TEMPORARY_ACCESS_PASS("temporaryAccessPass", "temporaryAccessPassAuthenticationMethod", true);

  private final String seedName;
  private final String graphType;
  private final boolean deletable;

  AuthMethodType(String seedName, String graphType, boolean deletable) {
    this.seedName = seedName;
    this.graphType = graphType;
    this.deletable = deletable;
  }

  public String seedName() {
    return seedName;
  }

  /** The collection segment under {@code /users/{id}/authentication/}. */
  public String collection() {
    return seedName + "Methods";
  }

  public String odataType() {
    return "#microsoft.graph." + graphType;
  }

  public boolean deletable() {
    return deletable;
  }

  public static Optional<AuthMethodType> bySeedName(String name) {
    return Arrays.stream(values()).filter(t -> t.seedName.equals(name)).findFirst();
  }

  public static Optional<AuthMethodType> byCollection(String segment) {
    return Arrays.stream(values()).filter(t -> t.collection().equals(segment)).findFirst();
  }
}
