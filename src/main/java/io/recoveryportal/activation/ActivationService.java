package io.recoveryportal.activation;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.RateLimits;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.Refusal;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A new hire's activation, from the invitation link to Incode. The invitation binds the account, so
 * there is no address lookup: matching runs against the invited account, and from Incode's callback
 * on everything is the recovery flow's (matching, review, the credential step), which tells the
 * kinds apart where they differ.
 */
@ApplicationScoped
public class ActivationService {

  private static final Logger LOG = Logger.getLogger(ActivationService.class.getName());

  /** What the link can do now, for the page to explain. */
  public enum LinkStatus {
    USABLE,
    UNKNOWN,
    USED,
    SUPERSEDED,
    REVOKED,
    EXPIRED,
    TOO_EARLY
  }

  /** What the link says now, and from when it will work if it is too early. */
  public record Link(LinkStatus status, String userPrincipalName, Instant opensAt)
      implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
  }

  /**
   * Where "Start" leads: to Incode with the attempt id for the cookie, or back to the page with a
   * problem.
   */
  public record Begin(URI to, String attemptId, Text problem) {}

  @Inject InvitationStore invitations;

  @Inject ActivationSettings settings;

  @Inject RecoverySettings recovery;

  @Inject DirectoryAccounts directory;

  @Inject IdentityProofing proofing;

  @Inject RateLimits limits;

  public Link inspect(String token) {
    return inspect(invitations.byToken(token));
  }

  private Link inspect(Optional<Invitation> found) {
    if (found.isEmpty()) {
      return new Link(LinkStatus.UNKNOWN, null, null);
    }
    Invitation i = found.get();
    Instant now = invitations.now();
    switch (i.getState()) {
      case USED:
        return new Link(LinkStatus.USED, null, null);
      case SUPERSEDED:
        return new Link(LinkStatus.SUPERSEDED, null, null);
      case REVOKED:
        return new Link(LinkStatus.REVOKED, null, null);
      default:
        break;
    }
    if (!i.usableAt(now)) {
      return new Link(LinkStatus.EXPIRED, null, null);
    }
    Instant opens = opensAt(i);
    if (opens != null && now.isBefore(opens)) {
      return new Link(LinkStatus.TOO_EARLY, i.getUserPrincipalName(), opens);
    }
    return new Link(LinkStatus.USABLE, i.getUserPrincipalName(), null);
  }

  /** The start of the day {@code activation.days-before-hire} days before the hire date (UTC). */
  private Instant opensAt(Invitation i) {
    return i.getHireDate() == null
        ? null
        : i.getHireDate()
            .truncatedTo(ChronoUnit.DAYS)
            .minus(settings.daysBeforeHire(), ChronoUnit.DAYS);
  }

  /** Spends the link on an identity check at Incode. */
  public Begin begin(String token, String clientAddress) {
    Optional<RateLimits.Limit> limited =
        limits.tryStart(clientAddress, OpaqueTokens.hash(String.valueOf(token)));
    if (limited.isPresent()) {
      return new Begin(
          null, null, Text.of("activate.problem.limited", "wait", limited.get().waitInWords()));
    }
    Optional<Invitation> found = invitations.byToken(token);
    if (inspect(found).status() != LinkStatus.USABLE) {
      return new Begin(null, null, null);
    }
    Invitation i = found.get();
    PendingVerification pending;
    try {
      // privilege granted after the invitation still stops self-service activation
      if (Refusal.privilege(
              directory.membership(i.getDirectoryUserId()), recovery.protectedGroups())
          .isPresent()) {
        invitations.note(
            AuditType.ACTIVATION_REFUSED,
            i.getDirectoryUserId(),
            null,
            AuditOutcome.REFUSED,
            "privileged since the invitation");
        return new Begin(null, null, Text.of("activate.problem.privileged"));
      }
      pending = proofing.begin(i.getUserPrincipalName());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Activation could not start: {0}", e.getClass().getSimpleName());
      return new Begin(null, null, Text.of("activate.problem.unavailable"));
    }
    String rawId = OpaqueTokens.generate();
    Instant now = invitations.now();
    Attempt a =
        new Attempt(
            OpaqueTokens.hash(rawId),
            Attempt.Kind.ACTIVATION,
            settings.credential() == ActivationSettings.Credential.TAP
                ? Attempt.RequestedAction.MFA
                : Attempt.RequestedAction.PASSWORD,
            i.getUserPrincipalName(),
            now,
            recovery.attemptLifetime());
    a.bindDirectoryUser(i.getDirectoryUserId());
    a.moveTo(Attempt.State.STARTED, Attempt.State.VERIFYING, now);
    a.awaitCallback(OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier());
    try {
      invitations.use(token, a);
    } catch (InvitationStore.Refused e) {
      // clicked twice at once: the other click has it
      return new Begin(null, null, null);
    }
    return new Begin(pending.authorizationUri(), rawId, null);
  }
}
