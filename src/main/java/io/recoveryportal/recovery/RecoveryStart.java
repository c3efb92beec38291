package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditType;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.Membership;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The start of the employee's recovery: "Continue", who the address names and whether it may be
 * recovered. Every address gets the same treatment: one that must not be recovered by self-service
 * (unknown, several accounts, disabled, privileged) still becomes an attempt and still goes to
 * Incode, as a decoy that ends "we could not verify you"; the true reason is in the audit trail
 * only. The authorization request to Incode is the same too: its login hint is the address as
 * typed, unless the browser itself proves an earlier verification for that account (see {@link
 * ReturningDevices}). No directory write happens here.
 */
@ApplicationScoped
public class RecoveryStart {

  private static final Logger LOG = Logger.getLogger(RecoveryStart.class.getName());

  @Inject AttemptStore store;

  @Inject DirectoryAccounts directory;

  @Inject IdentityProofing proofing;

  @Inject RecoverySettings settings;

  @Inject RateLimits limits;

  @Inject ReturningDevices devices;

  /** What "Continue" leads to. */
  public sealed interface Start permits Redirect, Limited, Unavailable {}

  /** Go to Incode; {@code attemptId} goes into the attempt cookie and nowhere else. */
  public record Redirect(URI to, String attemptId) implements Start {}

  public record Limited(RateLimits.Limit limit) implements Start {}

  /** The directory or Incode cannot be reached now; nothing was started. */
  public record Unavailable() implements Start {}

  /**
   * "Continue".
   *
   * @param deviceToken the browser's device cookie, or null
   */
  public Start start(
      WorkEmail email, Attempt.RequestedAction action, String clientAddress, String deviceToken) {
    Optional<RateLimits.Limit> limited =
        limits.tryStart(clientAddress, OpaqueTokens.hash(email.value()));
    if (limited.isPresent()) {
      return new Limited(limited.get());
    }
    Eligibility eligibility;
    try {
      eligibility = eligibility(email);
    } catch (DirectoryUnavailableException e) {
      LOG.log(Level.WARNING, "Directory unavailable at start: {0}", e.getMessage());
      return new Unavailable();
    }
    // The browser sees the authorization request (without pushed requests, in the URL; with them,
    // in which page
    // Incode shows), so the hint must not depend on what the directory or our records know of the
    // address: it is
    // the typed address, for everyone. Face re-authentication (the identity id as hint, seed 002)
    // only for a
    // browser whose device cookie proves a verification for this very account; the device is looked
    // up before
    // the account is compared, and whether or not the account may be recovered, so that nothing
    // else decides.
    Optional<ReturningDevice> device = devices.find(deviceToken);
    Optional<String> returning =
        device
            .filter(
                d ->
                    eligibility
                        .account()
                        .map(DirectoryAccount::id)
                        .filter(d.getDirectoryUserId()::equals)
                        .isPresent())
            .map(ReturningDevice::getIdentityId);
    String loginHint = returning.orElse(email.value());
    PendingVerification pending;
    try {
      pending = proofing.begin(loginHint);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Incode unavailable at start: {0}", e.getMessage());
      return new Unavailable();
    }
    String rawId = OpaqueTokens.generate();
    Attempt a =
        new Attempt(
            OpaqueTokens.hash(rawId),
            Attempt.Kind.RECOVERY,
            action,
            email.value(),
            store.now(),
            settings.attemptLifetime());
    eligibility.account().ifPresent(acc -> a.bindDirectoryUser(acc.id()));
    if (eligibility.sensitive()) {
      a.markHighRisk();
    }
    if (eligibility.refusal() != null) {
      a.refuse(eligibility.refusal().reason());
    }
    a.moveTo(State.STARTED, State.VERIFYING, store.now());
    a.awaitCallback(OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier());
    String face = returning.isPresent() ? "; face re-authentication (returning device)" : "";
    store.create(
        a,
        eligibility.refusal() == null
            ? AuditType.RECOVERY_STARTED
            : AuditType.RECOVERY_STARTED_REFUSED,
        (eligibility.refusal() == null
                ? "action=" + action
                : "refused: " + eligibility.refusal().text() + "; action=" + action)
            + face
            + "; client "
            + clientAddress);
    return new Redirect(pending.authorizationUri(), rawId);
  }

  /**
   * After a callback that ended in a match: remembers this browser for the attempt's account and
   * the Incode identity just verified, for the re-verification window. Returns the new device token
   * for the cookie; empty when the attempt is not a match (nothing is remembered for a decoy, a
   * review or a failure).
   *
   * @param presentedToken the device cookie this browser already had, retired now, or null
   */
  public Optional<String> rememberDevice(String rawAttemptId, String presentedToken) {
    return store
        .find(rawAttemptId)
        .filter(
            a ->
                a.getState() == State.MATCHED
                    && !a.isDecoy()
                    && a.getDirectoryUserId() != null
                    && a.proofing().identityId() != null)
        .map(a -> devices.remember(a, presentedToken, settings.reverificationWindow()));
  }

  /**
   * Who the address names, and why neither self-service nor the helpdesk may recover it (null when
   * it may go ahead); {@code sensitive} when its cases need two approvers.
   */
  public record Eligibility(
      Optional<DirectoryAccount> account, Refusal refusal, boolean sensitive) {

    Eligibility(Optional<DirectoryAccount> account, Refusal refusal) {
      this(account, refusal, false);
    }
  }

  /**
   * @throws DirectoryUnavailableException when the directory cannot answer now
   */
  public Eligibility eligibility(WorkEmail email) {
    List<DirectoryAccount> found = directory.findByEmail(email);
    if (found.isEmpty()) {
      return new Eligibility(Optional.empty(), Refusal.of(RefusalReason.NO_ACCOUNT));
    }
    if (found.size() > 1) {
      return new Eligibility(
          Optional.empty(),
          new Refusal(RefusalReason.SEVERAL_ACCOUNTS, Integer.toString(found.size())));
    }
    DirectoryAccount acc = found.get(0);
    if (!acc.enabled()) {
      return new Eligibility(Optional.of(acc), Refusal.of(RefusalReason.ACCOUNT_DISABLED));
    }
    Membership m = directory.membership(acc.id());
    Optional<Refusal> privilege = Refusal.privilege(m, settings.protectedGroups());
    if (privilege.isPresent()) {
      return new Eligibility(Optional.of(acc), privilege.get());
    }
    boolean sensitive = m.groupIds().stream().anyMatch(settings.sensitiveGroups()::contains);
    return new Eligibility(Optional.of(acc), null, sensitive);
  }
}
