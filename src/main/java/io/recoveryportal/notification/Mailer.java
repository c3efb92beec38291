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

    @Inject
    PortalConfig config;

    @Inject
    Meters meters;

    /** Sends one message to each address separately, so no recipient sees the others. */
    public void send(List<String> to, String subject, String body) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", config.required("mail.smtp.host"));
        p.put("mail.smtp.port", config.value("mail.smtp.port").orElse("25"));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.starttls.enable", config.value("mail.smtp.starttls").orElse("false"));
        String user = config.value("mail.smtp.user").orElse(null);
        Session session;
        if (user != null) {
            p.put("mail.smtp.auth", "true");
            String password = config.value("mail.smtp.password").orElse("");
            session = Session.getInstance(p, new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication(user, password);
                }
            });
        } else {
            session = Session.getInstance(p);
        }
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
}
