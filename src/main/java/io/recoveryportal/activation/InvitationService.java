package io.recoveryportal.activation;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryProfile;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Inviting new hires: one account (from the admin page, a CSV row or the scan), checked against the
 * directory as it is now, then an invitation stored and mailed to the personal address. Only a
 * disabled, unprivileged account with an employeeHireDate can be invited: activation must never
 * become a way to enable an account that was disabled on purpose.
 */
@ApplicationScoped
public class InvitationService {

  /** How one request (or CSV row) came out, in words for the administrator. */
  public record Result(int line, String upn, boolean invited, Text message)
      implements java.io.Serializable {}

  @Inject DirectoryAccounts directory;

  @Inject InvitationStore store;

  @Inject ActivationSettings settings;

  @Inject RecoverySettings recovery;

  @Inject ActivationNotices notices;

  /** Invites the account named by {@code upnInput}, sending the link to {@code personalInput}. */
  public Result invite(int line, String upnInput, String personalInput, Actor actor) {
    String shown = upnInput == null ? "" : upnInput.strip();
    Optional<WorkEmail> upn = WorkEmail.parse(upnInput);
    if (upn.isEmpty()) {
      return new Result(line, shown, false, Text.of("invite.row.bad-work-address"));
    }
    Optional<WorkEmail> personal = WorkEmail.parse(personalInput);
    if (personal.isEmpty()) {
      return new Result(line, shown, false, Text.of("invite.row.bad-personal-address"));
    }
    try {
      return check(line, upn.get(), personal.get(), actor);
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      return new Result(line, shown, false, Text.of("invite.row.directory"));
    } catch (InvitationStore.Refused e) {
      return new Result(line, shown, false, e.reason());
    }
  }

  private Result check(int line, WorkEmail upn, WorkEmail personal, Actor actor) {
    String shown = upn.value();
    List<DirectoryAccount> found = directory.findByEmail(upn);
    if (found.isEmpty()) {
      return new Result(line, shown, false, Text.of("invite.row.no-account"));
    }
    if (found.size() > 1) {
      return new Result(line, shown, false, Text.of("invite.row.several"));
    }
    DirectoryAccount acc = found.get(0);
    if (acc.enabled()) {
      return new Result(line, shown, false, Text.of("invite.row.enabled"));
    }
    // the new hire cannot read their work mailbox before activation: the link must go elsewhere
    if (personal.value().equalsIgnoreCase(acc.mail())
        || personal.value().equalsIgnoreCase(acc.userPrincipalName())) {
      return new Result(line, shown, false, Text.of("invite.row.same-address"));
    }
    Optional<DirectoryProfile> profile = directory.profile(acc.id());
    if (profile.isEmpty() || profile.get().hireDate() == null) {
      return new Result(line, shown, false, Text.of("invite.row.no-hire-date"));
    }
    Optional<Refusal> privilege =
        Refusal.privilege(directory.membership(acc.id()), recovery.protectedGroups());
    if (privilege.isPresent()) {
      return new Result(
          line, shown, false, Text.of("invite.row.privileged", "detail", privilege.get().text()));
    }
    InvitationStore.Issued issued =
        store.create(
            acc.id(),
            acc.userPrincipalName(),
            personal.value(),
            profile.get().hireDate(),
            actor,
            settings.invitationLifetime());
    notices.invitation(issued);
    return new Result(
        line, shown, true, Text.of("invite.row.invited", "address", personal.value()));
  }

  public Text resend(long invitationId, Actor actor) {
    try {
      notices.invitation(store.resend(invitationId, actor, settings.invitationLifetime()));
      return Text.of("invite.resent");
    } catch (InvitationStore.Refused e) {
      return e.reason();
    }
  }

  public Text revoke(long invitationId, Actor actor) {
    try {
      store.revoke(invitationId, actor);
      return Text.of("invite.revoked");
    } catch (InvitationStore.Refused e) {
      return e.reason();
    }
  }
}
