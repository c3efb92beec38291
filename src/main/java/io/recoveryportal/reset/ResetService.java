package io.recoveryportal.reset;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryOutcomeUnknownException;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.recovery.KindPolicy;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Performs the reset an attempt earned (a match, or a reviewer's approval), at most once. The
 * attempt is first claimed (MATCHED/APPROVED → RESETTING) in its own transaction, so a double
 * submit, a replay, a second node or a second attempt for the same account finds it taken; the
 * Graph calls follow; then the attempt moves on, or back when the directory said no or certainly
 * did nothing.
 *
 * <p>A write whose outcome is unknown (no answer in time, a dropped connection, a crash of this
 * node) is never reported as "nothing was changed". The directory is read first: a change it shows
 * is finished (sessions revoked, the notice sent, the audit event written); otherwise the attempt
 * stays RESETTING, "in doubt", and the person is told the change may have happened. {@link
 * #reconcile()} (scheduled) and {@link #check} (the person asking) read the directory again for
 * every attempt in doubt and finish it, or, once the claim is older than {@code
 * recovery.reset.claim-timeout} and the directory still shows nothing, let the person try again.
 *
 * <p>An MFA reset issues the Temporary Access Pass before it removes any method, so no failure can
 * leave the account without a way in: until the pass is in hand nothing was removed, and once it
 * is, the person gets it.
 */
@ApplicationScoped
public class ResetService {

  private static final Logger LOG = Logger.getLogger(ResetService.class.getName());

  /** At most this many attempts in doubt are read per round; the next round takes the rest. */
  private static final int RECONCILE_BATCH = 50;

  private static final Text REFUSED_HERE = Text.of("recover.problem.refused-here");

  /**
   * A step's claim takes the account as the callback read it this long ago at most, rather than
   * reading it a third time in one flow: it needs the names (for the password check) and the
   * notification addresses, which the directory does not change between the callback and the form's
   * submission. The callback's read is the fresh one that decides; the directory write itself fails
   * for an account deleted since.
   */
  private static final Duration ACCOUNT_REUSE = Duration.ofMinutes(10);

  @Inject AttemptStore store;

  @Inject AccountReset directory;

  @Inject DirectoryAccounts accounts;

  @Inject RecoverySettings settings;

  @Inject ResetSettings resetSettings;

  @Inject jakarta.enterprise.event.Event<ResetDone> done;

  /** What a reset step came to. */
  public sealed interface Outcome permits Done, Refused, Unavailable, NotAllowed, Busy, InDoubt {}

  /**
   * Done; {@code pass} is the Temporary Access Pass for an MFA reset (show it once), else null;
   * {@code notRemoved} the kinds of sign-in method that could not be removed after the pass was
   * issued (usually none).
   */
  public record Done(TemporaryAccessPass pass, List<MethodKind> notRemoved) implements Outcome {

    public Done {
      notRemoved = notRemoved == null ? List.of() : List.copyOf(notRemoved);
    }
  }

  /** The password was not accepted (locally or by Entra); the person can try another. */
  public record Refused(Text reason) implements Outcome {}

  /**
   * The directory could not be reached and certainly changed nothing the person would notice; try
   * again later.
   */
  public record Unavailable() implements Outcome {}

  /**
   * The attempt is not (or no longer) allowed this step: expired, already done, taken by another
   * request.
   */
  public record NotAllowed() implements Outcome {}

  /**
   * Another attempt for the same account is resetting it at this moment; this one changed nothing.
   */
  public record Busy() implements Outcome {}

  /**
   * The write went out and no answer came back; the directory does not show it yet. It may still
   * happen.
   */
  public record InDoubt() implements Outcome {}

  /**
   * Sets the password the person chose. For a new hire's activation the account is enabled
   * afterwards, so a password Entra refuses leaves it disabled, and a retry after an outage simply
   * sets it again.
   */
  public Outcome setPassword(String rawId, String password, String confirmation) {
    PasswordPolicy policy = new PasswordPolicy(settings.passwordMinLength());
    Claim claim =
        claim(
            rawId,
            ResetService::isPasswordStep,
            acc -> policy.problem(password, confirmation, personalWords(acc)).map(Refused::new));
    if (claim.outcome() != null) {
      return claim.outcome();
    }
    Attempt a = claim.attempt();
    DirectoryAccount acc = claim.account();
    State back = claim.back();
    AuditType type = a.getKind().policy().passwordAuditType();
    try {
      PasswordChange change = directory.setPassword(acc.id(), password);
      if (!change.accepted()) {
        release(a, back, type, AuditOutcome.REFUSED_BY_DIRECTORY, null);
        return new Refused(change.refusalReason());
      }
      if (a.getKind().policy().activatesAccount()) {
        directory.setEnabled(acc.id(), true);
      }
    } catch (DirectoryOutcomeUnknownException e) {
      store.audit(a, type, AuditOutcome.OUTCOME_UNKNOWN, e.getMessage());
      if (readBack().password(a, acc.id(), false) == ReadBack.Verdict.APPLIED) {
        return finish(
            a, acc, back, null, "confirmed by reading the directory after an unanswered write");
      }
      return markInDoubt(a, type);
    } catch (DirectoryUnavailableException e) {
      release(a, back, type, AuditOutcome.UNAVAILABLE, e.getMessage());
      return new Unavailable();
    } catch (DirectoryRefusedException e) {
      release(a, back, type, AuditOutcome.REFUSED_BY_DIRECTORY, e.getMessage());
      return new Refused(REFUSED_HERE);
    }
    return finish(a, acc, back, null, null);
  }

  /**
   * Recovery: issues a Temporary Access Pass, then removes the registered methods. Activation:
   * enables the account (a new hire has no methods to remove) and issues the day-one pass.
   */
  public Outcome resetMfa(String rawId) {
    Claim claim = claim(rawId, ResetService::isMfaStep, acc -> Optional.empty());
    if (claim.outcome() != null) {
      return claim.outcome();
    }
    Attempt a = claim.attempt();
    DirectoryAccount acc = claim.account();
    State back = claim.back();
    AuditType type = a.getKind().policy().mfaAuditType();
    TemporaryAccessPass pass;
    List<SignInMethod> doomed;
    try {
      KindPolicy kind = a.getKind().policy();
      if (kind.activatesAccount()) {
        directory.setEnabled(acc.id(), true);
        pass =
            directory.issueTemporaryAccessPass(
                acc.id(), settings.tapLifetime(kind), settings.tapUsableOnce(kind));
        store.audit(
            a,
            AuditType.ACTIVATION_ENABLED,
            AuditOutcome.OK,
            "account enabled; temporary access pass issued for "
                + settings.tapLifetime(kind).toMinutes()
                + " min");
        return finish(a, acc, back, pass, null);
      }
      Set<MethodKind> kinds = resetSettings.methodsToRemove();
      List<SignInMethod> registered = directory.methods(acc.id());
      // Entra keeps one pass per user: an old one goes first, so that the new one is the one that
      // stays
      List<SignInMethod> oldPasses =
          registered.stream().filter(m -> m.kind() == MethodKind.TEMPORARY_ACCESS_PASS).toList();
      directory.removeMethods(acc.id(), oldPasses);
      pass =
          directory.issueTemporaryAccessPass(
              acc.id(), settings.tapLifetime(kind), settings.tapUsableOnce(kind));
      doomed =
          registered.stream()
              .filter(m -> m.kind() != MethodKind.TEMPORARY_ACCESS_PASS && kinds.contains(m.kind()))
              .toList();
    } catch (DirectoryUnavailableException e) {
      // no pass in hand, so no method was removed yet (an old pass perhaps, and perhaps a new one
      // was issued
      // that nobody holds: the next try replaces it); the person tries again
      AuditOutcome outcome =
          e instanceof DirectoryOutcomeUnknownException
              ? AuditOutcome.OUTCOME_UNKNOWN
              : AuditOutcome.UNAVAILABLE;
      release(
          a, back, type, outcome, e.getMessage() + "; " + readBack().passSinceClaim(a, acc.id()));
      return new Unavailable();
    } catch (DirectoryRefusedException e) {
      release(a, back, type, AuditOutcome.REFUSED_BY_DIRECTORY, e.getMessage());
      return new Refused(REFUSED_HERE);
    }
    List<MethodKind> notRemoved = removeAfterPass(a, acc.id(), doomed);
    store.audit(
        a,
        AuditType.RESET_MFA_DETAIL,
        notRemoved.isEmpty() ? AuditOutcome.OK : AuditOutcome.PARTIAL,
        "temporary access pass issued for "
            + settings.tapLifetime(a.getKind().policy()).toMinutes()
            + " min; "
            + (notRemoved.isEmpty()
                ? "removed " + kindsOf(doomed)
                : "could not remove " + notRemoved + " of " + kindsOf(doomed)));
    return finish(a, acc, back, pass, null, notRemoved);
  }

  /**
   * The person asks where their reset in doubt stands: the directory is read now, when no other
   * reading is under way, and the attempt finished or handed back. The page then shows whatever the
   * attempt has become.
   */
  public void check(String rawId) {
    store
        .find(rawId)
        .filter(a -> a.isResetInDoubt(store.now(), settings.resetClaimTimeout()))
        .ifPresent(a -> reconcile(a.getId()));
  }

  /**
   * One round of the reconciliation: every attempt in doubt that no other round is reading. Returns
   * how many it read.
   */
  public int reconcile() {
    Instant now = store.now();
    Duration timeout = settings.resetClaimTimeout();
    int read = 0;
    for (long id : store.resetsInDoubt(now.minus(timeout), now.minus(timeout), RECONCILE_BATCH)) {
      try {
        read += reconcile(id) ? 1 : 0;
      } catch (RuntimeException e) {
        // one attempt's trouble (its account gone, the database away) must not stop the others
        LOG.log(
            Level.WARNING,
            "Reconciliation of attempt {0} failed: {1}",
            new Object[] {id, e.toString()});
      }
    }
    return read;
  }

  /**
   * Reads the directory for one attempt in doubt, if this run gets to take it, and acts on what it
   * shows.
   */
  private boolean reconcile(long id) {
    Instant now = store.now();
    Duration timeout = settings.resetClaimTimeout();
    Optional<Attempt> taken;
    try {
      taken = store.takeForCheck(id, now.minus(timeout), now.minus(timeout));
    } catch (AttemptStore.ConcurrentStepException e) {
      return false;
    }
    if (taken.isEmpty()) {
      return false;
    }
    Attempt a = taken.get();
    State back = returnState(a);
    boolean settled =
        a.resetProgress().startedAt() == null
            || !now.isBefore(a.resetProgress().startedAt().plus(timeout));
    boolean password = isPasswordStep(a);
    AuditType type = stepType(a, password);
    ReadBack.Verdict verdict =
        password
            ? readBack().password(a, a.getDirectoryUserId(), settled)
            : readBack().mfa(a, settled);
    Optional<DirectoryAccount> acc =
        verdict == ReadBack.Verdict.APPLIED || verdict == ReadBack.Verdict.STARTED
            ? account(a)
            : Optional.empty();
    switch (verdict) {
      case APPLIED -> {
        if (acc.isEmpty()) {
          return true; // the account could not be read for the notice: the next round tries again
        }
        finish(a, acc.get(), back, null, "found in the directory by the reconciliation");
      }
      case STARTED -> {
        // the pass from the interrupted reset is lost, so the person must reset again to get one;
        // the owner
        // is told at once, since methods may already be gone
        if (acc.isEmpty()) {
          return true;
        }
        release(
            a,
            back,
            type,
            AuditOutcome.INTERRUPTED,
            "a temporary access pass was issued after the claim; "
                + "sign-in methods may have been removed; the person may reset again");
        if (!a.getKind().policy().activatesAccount()) {
          revoke(a, acc.get());
          done.fire(new ResetDone(a.getId(), a.getKind(), acc.get(), Text.of("what.mfa")));
        }
      }
      case NOT_APPLIED ->
          release(
              a,
              back,
              type,
              AuditOutcome.NOT_CHANGED,
              "the directory shows no change since the claim");
      case IN_DOUBT ->
          store.audit(
              a,
              AuditType.RESET_CHECK,
              AuditOutcome.IN_DOUBT,
              "no change seen yet; will read again");
    }
    return true;
  }

  /**
   * The methods go once the person holds a pass. Whatever fails here (a refusal, no answer), the
   * directory is read to see what is left, so the person is told which old methods may remain; the
   * pass works either way.
   */
  private List<MethodKind> removeAfterPass(Attempt a, String userId, List<SignInMethod> doomed) {
    try {
      directory.removeMethods(userId, doomed);
      return List.of();
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      store.audit(
          a,
          AuditType.RESET_MFA_REMOVE,
          e instanceof DirectoryOutcomeUnknownException
              ? AuditOutcome.OUTCOME_UNKNOWN
              : AuditOutcome.ERROR,
          e.getMessage());
    }
    try {
      List<SignInMethod> left = directory.methods(userId);
      return doomed.stream().filter(left::contains).map(SignInMethod::kind).distinct().toList();
    } catch (RuntimeException e) {
      return kindsOf(doomed);
    }
  }

  private static List<MethodKind> kindsOf(List<SignInMethod> methods) {
    return methods.stream().map(SignInMethod::kind).distinct().toList();
  }

  private Outcome finish(
      Attempt a, DirectoryAccount acc, State back, TemporaryAccessPass pass, String detail) {
    return finish(a, acc, back, pass, detail, List.of());
  }

  /**
   * The credential step is made: sign the account out everywhere (a new account has no sessions),
   * record the step (and the attempt's completion when nothing else was asked for), and have the
   * owner told.
   */
  private Outcome finish(
      Attempt a,
      DirectoryAccount acc,
      State back,
      TemporaryAccessPass pass,
      String detail,
      List<MethodKind> notRemoved) {
    boolean password = isPasswordStep(a);
    if (!a.getKind().policy().activatesAccount()) {
      revoke(a, acc);
    }
    Consumer<Attempt> part = password ? Attempt::passwordDone : Attempt::mfaDone;
    AuditType type = stepType(a, password);
    AuditType completed = a.getKind().policy().completedAuditType();
    Attempt recorded;
    try {
      recorded = recordStep(a, back, part, type, completed, detail);
    } catch (AttemptStore.ConcurrentStepException | AttemptStore.OtherResetInFlightException e) {
      recorded = null;
    }
    if (recorded == null) {
      // another request or round recorded it first, and it sent the notice
      LOG.log(Level.INFO, "Reset of attempt {0} was already recorded elsewhere", a.getId());
      return new Done(pass, notRemoved);
    }
    done.fire(
        new ResetDone(
            recorded.getId(),
            recorded.getKind(),
            acc,
            Text.of(password ? "what.password" : "what.mfa")));
    return new Done(pass, notRemoved);
  }

  /**
   * Records the step, and the attempt's completion when nothing else was asked for; null if it was
   * recorded already.
   */
  private Attempt recordStep(
      Attempt a,
      State back,
      Consumer<Attempt> part,
      AuditType type,
      AuditType completed,
      String detail) {
    return store
        .transition(
            a.getId(), State.RESETTING, State.RESETTING, part, type, AuditOutcome.OK, detail)
        // a step slower than the claim timeout may find that the reconciliation saw nothing yet and
        // handed
        // the attempt back: the change is made all the same, so it is recorded from there
        .or(
            () ->
                store.transition(
                    a.getId(),
                    back,
                    State.RESETTING,
                    x -> {
                      x.resetStarted(store.now());
                      part.accept(x);
                    },
                    type,
                    AuditOutcome.OK,
                    "recorded after the reconciliation had handed the attempt back"))
        .map(
            x ->
                x.allRequestedDone()
                    ? store
                        .transition(
                            x.getId(),
                            State.RESETTING,
                            State.COMPLETED,
                            y -> y.completed(store.now()),
                            completed,
                            AuditOutcome.OK,
                            null)
                        .orElse(x)
                    : store
                        .transition(
                            x.getId(),
                            State.RESETTING,
                            back,
                            y -> {},
                            AuditType.RESET_PART_DONE,
                            AuditOutcome.OK,
                            null)
                        .orElse(x))
        .orElse(null);
  }

  /** Leaves the attempt RESETTING, in doubt: the reconciliation reads the directory again later. */
  private Outcome markInDoubt(Attempt a, AuditType type) {
    store.transition(
        a.getId(),
        State.RESETTING,
        State.RESETTING,
        x -> x.resetChecked(store.now()),
        type,
        AuditOutcome.IN_DOUBT,
        "the directory does not show the change yet; it may still arrive");
    return new InDoubt();
  }

  /** What the directory shows of an interrupted step; read through the same port as the writes. */
  private ReadBack readBack() {
    return new ReadBack(directory);
  }

  private Optional<DirectoryAccount> account(Attempt a) {
    try {
      return accounts.findById(a.getDirectoryUserId());
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      return Optional.empty();
    }
  }

  private Optional<DirectoryAccount> recentAccount(Attempt a) {
    try {
      return accounts.findRecent(a.getDirectoryUserId(), ACCOUNT_REUSE);
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      return Optional.empty();
    }
  }

  private static List<String> personalWords(DirectoryAccount acc) {
    String local = acc.userPrincipalName() == null ? null : acc.userPrincipalName().split("@")[0];
    return java.util.stream.Stream.of(acc.givenName(), acc.surname(), local)
        .filter(w -> w != null && !w.isBlank())
        .toList();
  }

  /**
   * A decoy never reaches here: only a matched or approved attempt of a real account is resettable.
   * An attempt left RESETTING is finished by reading the directory ({@link #check}), never simply
   * claimed again.
   */
  private boolean resettable(Attempt a) {
    return !a.isDecoy()
        && a.getDirectoryUserId() != null
        && !a.isExpired(store.now())
        && (a.getState() == State.MATCHED || a.getState() == State.APPROVED);
  }

  /** The step in hand: the password first when both were asked for, then the methods. */
  private static boolean isPasswordStep(Attempt a) {
    return a.getRequestedAction() != Attempt.RequestedAction.MFA
        && !a.resetProgress().passwordIsDone();
  }

  private static boolean isMfaStep(Attempt a) {
    return a.getRequestedAction() != Attempt.RequestedAction.PASSWORD
        && !a.resetProgress().mfaIsDone()
        && !isPasswordStep(a);
  }

  private static AuditType stepType(Attempt a, boolean password) {
    return password
        ? a.getKind().policy().passwordAuditType()
        : a.getKind().policy().mfaAuditType();
  }

  private static State returnState(Attempt a) {
    return a.getCaseReference() == null ? State.MATCHED : State.APPROVED;
  }

  /**
   * The claimed attempt with its account and the state it goes back to, or (only) why there is
   * none.
   */
  private record Claim(Attempt attempt, DirectoryAccount account, State back, Outcome outcome) {

    static Claim not(Outcome why) {
      return new Claim(null, null, null, why);
    }
  }

  /**
   * The start of a step: the attempt may take it, its account is read fresh, {@code precheck} finds
   * nothing against it (nothing is claimed yet), and the attempt is claimed (MATCHED/APPROVED →
   * RESETTING).
   */
  private Claim claim(
      String rawId,
      java.util.function.Predicate<Attempt> step,
      java.util.function.Function<DirectoryAccount, Optional<? extends Outcome>> precheck) {
    Optional<Attempt> current = store.find(rawId).filter(a -> resettable(a) && step.test(a));
    if (current.isEmpty()) {
      return Claim.not(new NotAllowed());
    }
    Attempt a = current.get();
    Optional<DirectoryAccount> account = recentAccount(a);
    if (account.isEmpty()) {
      return Claim.not(new Unavailable());
    }
    Optional<? extends Outcome> early = precheck.apply(account.get());
    if (early.isPresent()) {
      return Claim.not(early.get());
    }
    try {
      return store
          .transition(
              rawId,
              a.getState(),
              State.RESETTING,
              x -> x.resetStarted(store.now()),
              AuditType.RESET_CLAIMED,
              AuditOutcome.OK,
              null)
          .map(x -> new Claim(x, account.get(), a.getState(), null))
          .orElseGet(() -> Claim.not(new NotAllowed()));
    } catch (AttemptStore.ConcurrentStepException e) {
      return Claim.not(new NotAllowed());
    } catch (AttemptStore.OtherResetInFlightException e) {
      store.audit(
          a,
          AuditType.RESET_CLAIMED,
          AuditOutcome.BUSY,
          "another attempt is resetting this account");
      return Claim.not(new Busy());
    }
  }

  private void release(Attempt a, State back, AuditType type, AuditOutcome outcome, String detail) {
    store.transition(a.getId(), State.RESETTING, back, x -> {}, type, outcome, detail);
  }

  private void revoke(Attempt a, DirectoryAccount acc) {
    try {
      directory.revokeSessions(acc.id());
    } catch (RuntimeException e) {
      // the credential change stands; the audit trail says the sign-out is owed
      LOG.log(Level.WARNING, "Session revocation failed after a reset: {0}", e.getMessage());
      store.audit(
          a, AuditType.RESET_REVOKE_SESSIONS, AuditOutcome.ERROR, e.getClass().getSimpleName());
    }
  }
}
