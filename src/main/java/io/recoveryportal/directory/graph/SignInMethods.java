package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.AuthenticationPhoneType;
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
import java.util.Comparator;
import java.util.Optional;

/**
 * The registered sign-in methods an MFA reset may remove, as Graph lists them and deletes them. Graph has no
 * delete on the generic {@code /methods/{id}}: each kind goes through its own typed endpoint. There is no way
 * from a {@link MethodKind} to the password method, and the password method maps to no kind, so it can never
 * be deleted here.
 */
final class SignInMethods {

    /** One registered method of a kind the portal knows; {@code phoneType} only for phones. */
    record Registered(MethodKind kind, String id, AuthenticationPhoneType phoneType) {
    }

    /**
     * Deletion order: everything else first, then phones with alternateMobile before mobile, because Entra
     * refuses to delete a mobile phone while an alternate mobile depends on it.
     */
    static final Comparator<Registered> DELETION_ORDER = Comparator.comparingInt(SignInMethods::deletionRank);

    private SignInMethods() {
    }

    /** The method as a kind the portal knows, or empty (the password, and types newer than {@link MethodKind}). */
    static Optional<Registered> of(AuthenticationMethod m) {
        MethodKind kind;
        AuthenticationPhoneType phoneType = null;
        if (m instanceof PhoneAuthenticationMethod phone) {
            kind = MethodKind.PHONE;
            phoneType = phone.getPhoneType();
        } else if (m instanceof MicrosoftAuthenticatorAuthenticationMethod) {
            kind = MethodKind.MICROSOFT_AUTHENTICATOR;
        } else if (m instanceof SoftwareOathAuthenticationMethod) {
            kind = MethodKind.SOFTWARE_OATH;
        } else if (m instanceof Fido2AuthenticationMethod) {
            kind = MethodKind.FIDO2;
        } else if (m instanceof EmailAuthenticationMethod) {
            kind = MethodKind.EMAIL;
        } else if (m instanceof WindowsHelloForBusinessAuthenticationMethod) {
            kind = MethodKind.WINDOWS_HELLO_FOR_BUSINESS;
        } else if (m instanceof PlatformCredentialAuthenticationMethod) {
            kind = MethodKind.PLATFORM_CREDENTIAL;
        } else if (m instanceof TemporaryAccessPassAuthenticationMethod) {
            kind = MethodKind.TEMPORARY_ACCESS_PASS;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Registered(kind, m.getId(), phoneType));
    }

    /** DELETE on the method's typed endpoint. */
    static void delete(AuthenticationRequestBuilder auth, Registered m) {
        switch (m.kind()) {
            case PHONE -> auth.phoneMethods().byPhoneAuthenticationMethodId(m.id()).delete();
            case MICROSOFT_AUTHENTICATOR -> auth.microsoftAuthenticatorMethods()
                    .byMicrosoftAuthenticatorAuthenticationMethodId(m.id()).delete();
            case SOFTWARE_OATH -> auth.softwareOathMethods().bySoftwareOathAuthenticationMethodId(m.id()).delete();
            case FIDO2 -> auth.fido2Methods().byFido2AuthenticationMethodId(m.id()).delete();
            case EMAIL -> auth.emailMethods().byEmailAuthenticationMethodId(m.id()).delete();
            case WINDOWS_HELLO_FOR_BUSINESS -> auth.windowsHelloForBusinessMethods()
                    .byWindowsHelloForBusinessAuthenticationMethodId(m.id()).delete();
            case PLATFORM_CREDENTIAL -> auth.platformCredentialMethods()
                    .byPlatformCredentialAuthenticationMethodId(m.id()).delete();
            case TEMPORARY_ACCESS_PASS -> auth.temporaryAccessPassMethods()
                    .byTemporaryAccessPassAuthenticationMethodId(m.id()).delete();
        }
    }

    private static int deletionRank(Registered m) {
        if (m.kind() != MethodKind.PHONE) {
            return 0;
        }
        if (m.phoneType() == AuthenticationPhoneType.AlternateMobile) {
            return 1;
        }
        return m.phoneType() == AuthenticationPhoneType.Mobile ? 3 : 2;
    }
}
