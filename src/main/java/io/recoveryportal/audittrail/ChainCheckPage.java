package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.audit.ChainVerifier;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.persistence.PortalDataSource;
import io.recoveryportal.staff.CurrentStaff;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The chain check page: "Check the whole chain" (a POST) verifies every kept event from the anchor
 * to the head, the same code as the command line, and names the first broken link. The check and
 * its outcome are an audit event.
 */
@Named("chainCheck")
@RequestScoped
public class ChainCheckPage {

  private static final Logger LOG = Logger.getLogger(ChainCheckPage.class.getName());

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject io.recoveryportal.i18n.Language language;

  @Inject AuditNotes notes;

  @Inject CurrentStaff staff;

  private String outcome;
  private Boolean intact;

  public void check() {
    ChainVerifier.Result r;
    try (Connection c = dataSource.getConnection()) {
      r = ChainVerifier.verify(c);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "The audit chain could not be read: {0}", e.toString());
      outcome = language.text(Text.of("audit.chain.unreadable"));
      return;
    }
    intact = r.intact();
    outcome = language.text(Text.of("audit.chain.result", "result", r.describe()));
    if (!r.intact()) {
      LOG.log(Level.SEVERE, "Audit chain {0}", r.describe());
    }
    ChainVerifier.Result checked = r;
    staff
        .principal()
        .ifPresent(
            p ->
                notes.note(
                    AuditType.AUDIT_CHAIN_VERIFIED,
                    p.actor(),
                    null,
                    checked.intact() ? AuditOutcome.OK : AuditOutcome.ERROR,
                    checked.describe()));
  }

  public String getOutcome() {
    return outcome;
  }

  public Boolean getIntact() {
    return intact;
  }
}
