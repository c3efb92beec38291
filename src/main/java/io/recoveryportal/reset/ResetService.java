package io.recoveryportal.reset;

import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Performs the reset an attempt earned (a match, or a reviewer's approval), at most once. The attempt is first
 * claimed (MATCHED/APPROVED → RESETTING) in its own transaction, so a double submit, a replay or a second node
 * finds it taken; the Graph calls follow; then the attempt moves on (or back, when the directory could not be
 * reached and the person may safely try again). A claim left behind by a crash expires after a few minutes.
 */
@ApplicationScoped
public class ResetService {

    private static final Logger LOG = Logger.getLogger(ResetService.class.getName());
    /** How long a claim protects a reset in flight before it is considered abandoned (a crashed node). */
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(3);
    private static final String REFUSED_HERE = "The directory did not allow this change to be made here. Nothing else "
            + "was changed. Please contact your IT helpdesk to finish your recovery.";

    @Inject
    AttemptStore store;

    @Inject
    AccountReset directory;

    @Inject
    DirectoryAccounts accounts;

    @Inject
    RecoverySettings settings;

    @Inject
    io.recoveryportal.activation.ActivationSettings activation;

    @Inject
    jakarta.enterprise.event.Event<ResetDone> done;

    /** What a reset step came to. */
    public sealed interface Outcome permits Done, Refused, Unavailable, NotAllowed {
    }

    /** Done; {@code pass} is the Temporary Access Pass for an MFA reset (show it once), else null. */
    public record Done(TemporaryAccessPass pass) implements Outcome {
    }

    /** The password was not accepted (locally or by Entra); the person can try another. */
    public record Refused(String reason) implements Outcome {
    }

    public record Unavailable() implements Outcome {
    }

    /** The attempt is not (or no longer) allowed this step: expired, already done, taken by another request. */
    public record NotAllowed() implements Outcome {
    }

    /**
     * Sets the password the person chose. For a new hire's activation the account is enabled afterwards, so a
     * password Entra refuses leaves it disabled, and a retry after an outage simply sets it again.
     */
    public Outcome setPassword(String rawId, String password, String confirmation) {
        PasswordPolicy policy = new PasswordPolicy(settings.passwordMinLength());
        return perform(rawId, a -> wantsPassword(a) && !a.isPasswordDone(),
                acc -> policy.problem(password, confirmation, personalWords(acc)).<Outcome>map(Refused::new),
                "password", (a, acc) -> {
                    PasswordChange change = directory.setPassword(acc.id(), password);
                    if (!change.accepted()) {
                        return new Refused(change.refusalReason());
                    }
                    if (a.getKind() == Attempt.Kind.ACTIVATION) {
                        directory.setEnabled(acc.id(), true);
                    }
                    return new Done(null);
                }, Attempt::passwordDone, "password");
    }

    /**
     * Recovery: removes the registered methods and issues a Temporary Access Pass. Activation: enables the
     * account (a new hire has no methods to remove) and issues the day-one pass.
     */
    public Outcome resetMfa(String rawId) {
        return perform(rawId, a -> wantsMfa(a) && !a.isMfaDone()
                && (a.getRequestedAction() != Attempt.RequestedAction.BOTH || a.isPasswordDone()),
                acc -> Optional.empty(), "mfa", (a, acc) -> {
                    if (a.getKind() == Attempt.Kind.ACTIVATION) {
                        directory.setEnabled(acc.id(), true);
                        TemporaryAccessPass pass = directory.issueTemporaryAccessPass(acc.id(), activation.tapLifetime(), activation.tapUsableOnce());
                        store.audit(a, "activation.enabled", "OK", "account enabled; temporary access pass issued for "
                                + activation.tapLifetime().toMinutes() + " min");
                        return new Done(pass);
                    }
                    // removals already made stay made (they are idempotent): a retry removes the rest
                    List<MethodKind> removed = directory.removeMethods(acc.id(), settings.methodsToRemove());
                    TemporaryAccessPass pass = directory.issueTemporaryAccessPass(acc.id(), settings.tapLifetime(), settings.tapUsableOnce());
                    store.audit(a, "reset.mfa.detail", "OK", "removed " + removed
                            + "; temporary access pass issued for " + settings.tapLifetime().toMinutes() + " min");
                    return new Done(pass);
                }, Attempt::mfaDone, "sign-in methods (MFA)");
    }

    /**
     * One reset step: check the attempt may take it, read the account, run {@code precheck} (nothing claimed
     * yet), claim the attempt, do {@code work} in the directory, then record it, sign the account out and send
     * the notice; or release the claim so the person can try again.
     */
    private Outcome perform(String rawId, Predicate<Attempt> wants, Function<DirectoryAccount, Optional<Outcome>> precheck,
            String step, java.util.function.BiFunction<Attempt, DirectoryAccount, Outcome> work, Consumer<Attempt> part, String what) {
        Optional<Attempt> current = store.find(rawId).filter(a -> resettable(a) && wants.test(a));
        if (current.isEmpty()) {
            return new NotAllowed();
        }
        Optional<DirectoryAccount> account = account(current.get());
        if (account.isEmpty()) {
            return new Unavailable();
        }
        DirectoryAccount acc = account.get();
        boolean activation = current.get().getKind() == Attempt.Kind.ACTIVATION;
        String type = (activation ? "activation." : "reset.") + step;
        Optional<Outcome> early = precheck.apply(acc);
        if (early.isPresent()) {
            return early.get();
        }
        State back = current.get().getState() == State.RESETTING ? returnState(current.get()) : current.get().getState();
        if (claim(rawId, current.get()).isEmpty()) {
            return new NotAllowed();
        }
        Outcome outcome;
        try {
            outcome = work.apply(current.get(), acc);
        } catch (DirectoryUnavailableException e) {
            release(rawId, back, type, "UNAVAILABLE", e.getMessage());
            return new Unavailable();
        } catch (DirectoryRefusedException e) {
            release(rawId, back, type, "REFUSED_BY_DIRECTORY", e.getMessage());
            return new Refused(REFUSED_HERE);
        }
        if (!(outcome instanceof Done)) {
            release(rawId, back, type, "REFUSED_BY_DIRECTORY", null);
            return outcome;
        }
        if (!activation) {
            // a new account has no sessions to end
            revoke(rawId, acc);
        }
        Attempt finished = complete(rawId, back, part, type, activation ? "activation.completed" : "recovery.completed");
        done.fire(new ResetDone(finished.getId(), finished.getKind(), acc, what));
        return outcome;
    }

    private Optional<DirectoryAccount> account(Attempt a) {
        try {
            return accounts.findById(a.getDirectoryUserId());
        } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
            return Optional.empty();
        }
    }

    private static List<String> personalWords(DirectoryAccount acc) {
        String local = acc.userPrincipalName() == null ? null : acc.userPrincipalName().split("@")[0];
        return java.util.stream.Stream.of(acc.givenName(), acc.surname(), local)
                .filter(w -> w != null && !w.isBlank()).toList();
    }

    /** A decoy never reaches here: only a matched or approved attempt of a real account is resettable. */
    private boolean resettable(Attempt a) {
        if (a.isDecoy() || a.getDirectoryUserId() == null || a.isExpired(store.now())) {
            return false;
        }
        return a.getState() == State.MATCHED || a.getState() == State.APPROVED
                || a.getState() == State.RESETTING && a.getResetStartedAt() != null
                        && a.getResetStartedAt().plus(CLAIM_TIMEOUT).isBefore(store.now());
    }

    private static boolean wantsPassword(Attempt a) {
        return a.getRequestedAction() != Attempt.RequestedAction.MFA;
    }

    private static boolean wantsMfa(Attempt a) {
        return a.getRequestedAction() != Attempt.RequestedAction.PASSWORD;
    }

    private static State returnState(Attempt a) {
        return a.getCaseReference() == null ? State.MATCHED : State.APPROVED;
    }

    private Optional<Attempt> claim(String rawId, Attempt a) {
        try {
            return store.transition(rawId, a.getState(), State.RESETTING, x -> x.resetStarted(store.now()),
                    "reset.claimed", "OK", null);
        } catch (AttemptStore.ConcurrentStepException e) {
            return Optional.empty();
        }
    }

    private void release(String rawId, State back, String type, String outcome, String detail) {
        store.transition(rawId, State.RESETTING, back, x -> { }, type, outcome, detail);
    }

    private Attempt complete(String rawId, State back, Consumer<Attempt> part, String type, String completedType) {
        return store.transition(rawId, State.RESETTING, State.RESETTING, part, type, "OK", null)
                .map(a -> a.allRequestedDone()
                        ? store.transition(rawId, State.RESETTING, State.COMPLETED, x -> x.completed(store.now()), completedType, "OK", null).orElse(a)
                        : store.transition(rawId, State.RESETTING, back, x -> { }, "reset.part-done", "OK", null).orElse(a))
                .orElseThrow(() -> new IllegalStateException("the attempt vanished during its reset"));
    }

    private void revoke(String rawId, DirectoryAccount acc) {
        try {
            directory.revokeSessions(acc.id());
        } catch (RuntimeException e) {
            // the credential change stands; the audit trail says the sign-out is owed
            LOG.log(Level.WARNING, "Session revocation failed after a reset: {0}", e.getMessage());
            store.find(rawId).ifPresent(a -> store.audit(a, "reset.revoke-sessions", "ERROR", e.getClass().getSimpleName()));
        }
    }
}
