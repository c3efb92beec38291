package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.AuthenticationMethodCollectionResponse;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.revokesigninsessions.RevokeSignInSessionsPostResponse;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.reset.AccountReset;
import io.recoveryportal.reset.CredentialState;
import io.recoveryportal.reset.MethodKind;
import io.recoveryportal.reset.PasswordChange;
import io.recoveryportal.reset.SignInMethod;
import io.recoveryportal.reset.TemporaryAccessPass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link AccountReset} on Microsoft Graph v1.0 (application permissions
 * User-PasswordProfile.ReadWrite.All, UserAuthenticationMethod.ReadWrite.All,
 * User.RevokeSessions.All, User.EnableDisableAccount.All; the service principal also needs the User
 * Administrator role for passwords).
 *
 * <p>Every write is safe to repeat, which is what lets the SDK's retry handler resend it after a
 * 429, 503 or 504: a password or accountEnabled set twice is set once, a method already gone counts
 * as removed, revoking twice revokes, and a second Temporary Access Pass replaces the first (Entra
 * keeps one per user).
 *
 * <p>Methods are deleted one request at a time rather than in a JSON $batch. Graph counts and
 * throttles each request of a batch on its own, so a batch saves round trips but not throttling
 * budget; its inner 429s are not retried by the SDK and would need a second, hand-written retry
 * loop; and the phone deletions must be ordered, which a batch can only do with dependsOn and its
 * 424 cascade. An account has a handful of methods at most.
 */
@ApplicationScoped
public class GraphAccountReset implements AccountReset {

  /**
   * Shown to the person when Entra refuses their new password; Entra's own wording is for
   * administrators.
   */
  static final Text PASSWORD_REFUSED = Text.of("password.directory-refused");

  /** Entra's bounds for a pass's lifetime. */
  private static final long TAP_MIN_MINUTES = 10;

  private static final long TAP_MAX_MINUTES = 43200;

  private final Supplier<GraphServiceClient> graph;

  /** For CDI's client proxy only. */
  protected GraphAccountReset() {
    this.graph = null;
  }

  @Inject
  public GraphAccountReset(GraphConnection connection) {
    this.graph = () -> connection.clients().graph();
  }

  /** Outside CDI (tests, tools). */
  public GraphAccountReset(GraphClients clients) {
    this.graph = clients::graph;
  }

  /**
   * The person chose this password, so Entra is not asked to make them change it at next sign-in.
   * Never logged and never in an exception: a refusal is recognised by status and wording, and only
   * a fixed reason goes back.
   */
  @Override
  public PasswordChange setPassword(String objectId, String newPassword) {
    PasswordProfile profile = new PasswordProfile();
    profile.setPassword(newPassword);
    profile.setForceChangePasswordNextSignIn(false);
    User patch = new User();
    patch.setPasswordProfile(profile);
    try {
      user(objectId).patch(patch);
      return PasswordChange.accept();
    } catch (RuntimeException e) {
      if (GraphFailures.isPasswordPolicyRefusal(e)) {
        return PasswordChange.refuse(PASSWORD_REFUSED);
      }
      throw GraphFailures.translateWrite("set the password", e);
    }
  }

  /** One listing, paged; the password method and kinds newer than the portal are left out. */
  @Override
  public List<SignInMethod> methods(String objectId) {
    List<AuthenticationMethod> listed =
        GraphFailures.call(
            "list sign-in methods",
            () ->
                Pages.all(
                    user(objectId).authentication().methods().get(),
                    AuthenticationMethodCollectionResponse::getValue,
                    AuthenticationMethodCollectionResponse::getOdataNextLink,
                    next -> user(objectId).authentication().methods().withUrl(next).get()));
    return listed.stream().map(SignInMethods::of).flatMap(Optional::stream).toList();
  }

  /** One DELETE per method, in Graph's order; a method already gone (404) counts as removed. */
  @Override
  public List<MethodKind> removeMethods(String objectId, List<SignInMethod> methods) {
    List<MethodKind> removed = new ArrayList<>();
    for (SignInMethod m : methods.stream().sorted(SignInMethods.DELETION_ORDER).toList()) {
      try {
        SignInMethods.delete(user(objectId).authentication(), m);
      } catch (RuntimeException e) {
        if (GraphFailures.status(e) != 404) {
          throw GraphFailures.translateWrite("remove a sign-in method", e);
        }
      }
      removed.add(m.kind());
    }
    return removed;
  }

  /** Graph shows the pass only in this response; it is passed on and kept nowhere. */
  @Override
  public TemporaryAccessPass issueTemporaryAccessPass(
      String objectId, Duration lifetime, boolean usableOnce) {
    long minutes = lifetime.toMinutes();
    if (minutes < TAP_MIN_MINUTES || minutes > TAP_MAX_MINUTES) {
      throw new IllegalArgumentException(
          "A Temporary Access Pass lives "
              + TAP_MIN_MINUTES
              + " to "
              + TAP_MAX_MINUTES
              + " minutes, not "
              + minutes);
    }
    TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
    request.setLifetimeInMinutes((int) minutes);
    request.setIsUsableOnce(usableOnce);
    TemporaryAccessPassAuthenticationMethod created =
        GraphFailures.write(
            "issue a Temporary Access Pass",
            () -> user(objectId).authentication().temporaryAccessPassMethods().post(request));
    if (created == null || created.getTemporaryAccessPass() == null) {
      throw new IllegalStateException(
          "Microsoft Graph created a Temporary Access Pass but did not return it");
    }
    // Graph's answer, not the request: the tenant's policy may have made the pass single-use.
    return new TemporaryAccessPass(
        created.getTemporaryAccessPass(),
        instant(created.getStartDateTime())
            .or(() -> instant(created.getCreatedDateTime()))
            .orElseGet(Instant::now),
        Optional.ofNullable(created.getLifetimeInMinutes()).orElse((int) minutes),
        Optional.ofNullable(created.getIsUsableOnce()).orElse(usableOnce));
  }

  @Override
  public void revokeSessions(String objectId) {
    RevokeSignInSessionsPostResponse answer =
        GraphFailures.write(
            "revoke sign-in sessions", () -> user(objectId).revokeSignInSessions().post());
    if (answer == null || !Boolean.TRUE.equals(answer.getValue())) {
      throw new IllegalStateException(
          "Microsoft Graph did not confirm that the sign-in sessions were revoked");
    }
  }

  @Override
  public void setEnabled(String objectId, boolean enabled) {
    User patch = new User();
    patch.setAccountEnabled(enabled);
    GraphFailures.writeRun(
        enabled ? "enable the account" : "disable the account", () -> user(objectId).patch(patch));
  }

  /** One GET with only the two properties ($select: Graph returns neither unasked). */
  @Override
  public CredentialState credentialState(String objectId) {
    User u =
        GraphFailures.call(
            "read the account's password change time",
            () ->
                user(objectId)
                    .get(
                        rc ->
                            rc.queryParameters.select =
                                new String[] {"lastPasswordChangeDateTime", "accountEnabled"}));
    return new CredentialState(
        instant(u.getLastPasswordChangeDateTime()).orElse(null),
        Boolean.TRUE.equals(u.getAccountEnabled()));
  }

  private UserItemRequestBuilder user(String objectId) {
    return graph.get().users().byUserId(objectId);
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }
}
