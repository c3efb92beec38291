package io.recoveryportal.activation;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.i18n.Language;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.staff.CurrentStaff;
import io.recoveryportal.staff.StaffPrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The invitations page's view state: the two forms' inputs, the last report, and the list of
 * invitations.
 */
@Named("invitationsPage")
@ViewScoped
public class InvitationsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LISTED = 200;

  @Inject Language language;

  @Inject InvitationService invitations;

  @Inject InvitationStore store;

  @Inject CurrentStaff staff;

  private String upn;
  private String personalEmail;
  private transient Part file;
  private List<InvitationService.Result> report = List.of();
  private String message;
  private List<InvitationStore.Listed> listed = List.of();

  @PostConstruct
  void init() {
    refreshList();
  }

  public void invite() {
    report = List.of(invitations.invite(1, upn, personalEmail, actor()));
    message = null;
    if (report.get(0).invited()) {
      upn = null;
      personalEmail = null;
    }
    refreshList();
  }

  public void upload() {
    report = List.of();
    if (file == null || file.getSize() == 0) {
      message = language.text(Text.of("invite.csv.choose"));
      return;
    }
    List<CsvInvitations.Row> rows;
    try (InputStream in = file.getInputStream()) {
      rows = CsvInvitations.read(in);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      message = language.text(Text.of("invite.csv.unreadable"));
      return;
    }
    List<InvitationService.Result> out = new ArrayList<>();
    Actor actor = actor();
    for (CsvInvitations.Row r : rows) {
      out.add(
          r.problem() != null
              ? new InvitationService.Result(r.line(), r.upn(), false, r.problem())
              : invitations.invite(r.line(), r.upn(), r.personalEmail(), actor));
    }
    report = out;
    long sent = out.stream().filter(InvitationService.Result::invited).count();
    message =
        language.text(
            Text.of(
                "invite.csv.summary",
                "sent",
                sent,
                "rows",
                out.size(),
                "rejected",
                out.size() - sent));
    refreshList();
  }

  public void resend(long id) {
    message = language.text(invitations.resend(id, actor()));
    report = List.of();
    refreshList();
  }

  public void revoke(long id) {
    message = language.text(invitations.revoke(id, actor()));
    report = List.of();
    refreshList();
  }

  private Actor actor() {
    return staff.principal().map(StaffPrincipal::actor).orElse(Actor.staff(null));
  }

  private void refreshList() {
    listed = store.listed(LISTED);
  }

  public List<InvitationStore.Listed> getListed() {
    return listed;
  }

  public List<InvitationService.Result> getReport() {
    return report;
  }

  public String getMessage() {
    return message;
  }

  public String getUpn() {
    return upn;
  }

  public void setUpn(String upn) {
    this.upn = upn;
  }

  public String getPersonalEmail() {
    return personalEmail;
  }

  public void setPersonalEmail(String personalEmail) {
    this.personalEmail = personalEmail;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
