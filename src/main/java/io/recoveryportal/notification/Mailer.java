package io.recoveryportal.notification;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Plain-text email through the configured SMTP relay (keys mail.*). */
@ApplicationScoped
public class Mailer {

  @Inject PortalConfig config;

  @Inject Meters meters;

  /**
   * The mail session, built once from configuration (which does not change while the portal runs):
   * building one reads Jakarta Mail's provider lists from every jar of the application, a cost per
   * notice otherwise.
   */
  private volatile Session session;

  /** Sends a mail built from its template ({@link MailTemplates}) to each address separately. */
  public void send(List<String> to, MailTemplates.Mail mail) throws MessagingException {
    send(to, mail.subject(), mail.body());
  }

  /** Sends one message to each address separately, so no recipient sees the others. */
  private void send(List<String> to, String subject, String body) throws MessagingException {
    Session session = session();
    for (String address : to) {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(config.required("mail.from")));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
      m.setSubject(subject, "UTF-8");
      m.setSentDate(new Date());
      m.setText(body, "UTF-8");
      try {
        Transport.send(m);
      } catch (MessagingException e) {
        meters.mailFailed();
        throw e;
      }
      meters.mailSent();
    }
  }

  private Session session() {
    Session s = session;
    if (s == null) {
      s = newSession();
      session = s;
    }
    return s;
  }

  private Session newSession() {
    Properties p = new Properties();
    p.put("mail.smtp.host", config.required("mail.smtp.host"));
    p.put("mail.smtp.port", config.value("mail.smtp.port").orElse("25"));
    p.put("mail.smtp.connectiontimeout", "10000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.starttls.enable", config.value("mail.smtp.starttls").orElse("false"));
    String user = config.value("mail.smtp.user").orElse(null);
    if (user == null) {
      return Session.getInstance(p);
    }
    p.put("mail.smtp.auth", "true");
    String password = config.value("mail.smtp.password").orElse("");
    return Session.getInstance(
        p,
        new jakarta.mail.Authenticator() {
          @Override
          protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
            return new jakarta.mail.PasswordAuthentication(user, password);
          }
        });
  }
}
