package io.recoveryportal.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.i18n.Texts;
import io.recoveryportal.notification.MailTemplate.Fragment;
import io.recoveryportal.notification.MailTemplates.Mail;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every email from its template: each renders exactly the text the services used to concatenate
 * (the expected strings below are those concatenations, with the same values), so moving the words
 * into mail.properties changed no mail; only the moments are now written by the language's own
 * convention (British English: "4 May 2026, 09:30 UTC").
 */
class MailTemplatesTest {

  private static final java.util.Locale EN = io.recoveryportal.i18n.Languages.ENGLISH;
  private static final Instant AT = Instant.parse("2026-05-04T09:30:00Z");
  private static final String HELPDESK = "the IT helpdesk (+1 555 0100)";
  private static final String BASE = "https://portal.contoso.com";

  @Test
  void theResetNotice() {
    Mail m =
        MailTemplates.render(
            MailTemplate.RESET_NOTICE,
            EN,
            Map.of(
                "what",
                "password",
                "account",
                "jane@contoso.com",
                "when",
                MailTemplates.at(AT, EN),
                "reportLink",
                BASE + "/report.xhtml?token=TOKEN",
                "linkDays",
                7L));
    assertEquals("Your work account was recovered", m.subject());
    assertEquals(
        "Hello,\n\n"
            + "The password for your work account jane@contoso.com was reset on 4 May 2026, 09:30 UTC"
            + ", after an identity check with a photo ID and a selfie.\n\n"
            + "If this was you, there is nothing more to do.\n\n"
            + "If this wasn't you, open this link straight away. It locks the account and signs it out everywhere, "
            + "and tells the IT security team:\n"
            + BASE
            + "/report.xhtml?token=TOKEN\n\n"
            + "The link works once, for 7 days. We will never ask you for your password.\n",
        m.body());
  }

  @Test
  void theReviewersMails() {
    String risk = MailTemplates.fragment(Fragment.REVIEW_RISK_HIGH, EN, Map.of());
    Mail opened =
        MailTemplates.render(
            MailTemplate.REVIEW_NEW_CASE,
            EN,
            Map.of(
                "reference",
                "RC-ABCD2345",
                "kind",
                "recovery",
                "reason",
                "Name differs",
                "risk",
                risk,
                "sla",
                "4 hours",
                "caseLink",
                BASE + "/review/case.xhtml?ref=RC-ABCD2345"));
    assertEquals("New review case RC-ABCD2345", opened.subject());
    assertEquals(
        "A new case is waiting in the review queue.\n\n"
            + "Case: RC-ABCD2345\n"
            + "Kind: recovery\n"
            + "Reason: Name differs\n"
            + "Risk: high (two approvers, the second a senior reviewer)\n"
            + "Decide within: 4 hours\n\n"
            + BASE
            + "/review/case.xhtml?ref=RC-ABCD2345\n",
        opened.body());
    assertEquals("standard", MailTemplates.fragment(Fragment.REVIEW_RISK_STANDARD, EN, Map.of()));
    Mail overdue =
        MailTemplates.render(
            MailTemplate.REVIEW_OVERDUE,
            EN,
            Map.of(
                "reference",
                "RC-ABCD2345",
                "sla",
                "4 hours",
                "caseLink",
                BASE + "/review/case.xhtml?ref=RC-ABCD2345"));
    assertEquals("Overdue review case RC-ABCD2345", overdue.subject());
    assertEquals(
        "Case RC-ABCD2345 has waited longer than 4 hours and is still open.\n"
            + "Someone is locked out until it is decided.\n\n"
            + BASE
            + "/review/case.xhtml?ref=RC-ABCD2345\n",
        overdue.body());
  }

  @Test
  void theEmployeesDecisionMails() {
    Mail approved =
        MailTemplates.render(
            MailTemplate.REVIEW_APPROVED,
            EN,
            Map.of(
                "reference",
                "RC-1",
                "startLink",
                BASE + "/",
                "approvalWindow",
                "24 hours",
                "helpdesk",
                HELPDESK));
    assertEquals("Your account recovery was approved", approved.subject());
    assertEquals(
        "Hello,\n\nYour request to recover your work account (case RC-1) has been approved.\n\n"
            + "If the page where you started is still open, it moves on by itself to the next step. Otherwise go to\n"
            + BASE
            + "/\nand start again with the same email address: after the identity check you go "
            + "straight to the reset, without another review, for the next 24 hours.\n\n"
            + "If you did not ask for this, contact "
            + HELPDESK
            + " straight away.\n",
        approved.body());
    Mail denied =
        MailTemplates.render(
            MailTemplate.REVIEW_DENIED, EN, Map.of("reference", "RC-1", "helpdesk", HELPDESK));
    assertEquals("Your account recovery request", denied.subject());
    assertEquals(
        "Hello,\n\nWe could not approve your request to recover your work account (case RC-1).\n\n"
            + "Please contact "
            + HELPDESK
            + ", who can help you get back in another way. Quote case "
            + "RC-1.\n\nIf you did not ask for this, tell the helpdesk too.\n",
        denied.body());
  }

  @Test
  void theNewHiresMails() {
    String start =
        MailTemplates.fragment(
            Fragment.ACTIVATION_START_NOTE, EN, Map.of("day", MailTemplates.day(AT, EN)));
    Mail invitation =
        MailTemplates.render(
            MailTemplate.ACTIVATION_INVITATION,
            EN,
            Map.of(
                "organisation",
                "Contoso",
                "account",
                "new.hire@contoso.com",
                "startNote",
                start,
                "link",
                BASE + "/activate.xhtml?token=T",
                "until",
                MailTemplates.at(AT, EN),
                "daysBeforeHire",
                3));
    assertEquals("Activate your Contoso work account", invitation.subject());
    assertEquals(
        "Hello,\n\n"
            + "Welcome to Contoso. Your work account new.hire@contoso.com is ready to be activated"
            + " for your start on 4 May 2026"
            + ".\n\n"
            + "To activate it, open this link. You will check your identity with a photo ID and a selfie; this replaces "
            + "a password sent by email or a call to the helpdesk:\n"
            + BASE
            + "/activate.xhtml?token=T\n\n"
            + "The link works once, until 4 May 2026, 09:30 UTC, from 3"
            + " days before your start date. Have your passport, ID card or driving licence ready.\n\n"
            + "If you were not expecting this email, you can ignore it. We will never ask you for a password.\n",
        invitation.body());
    Mail activated =
        MailTemplates.render(
            MailTemplate.ACTIVATION_ACTIVATED,
            EN,
            Map.of(
                "account",
                "new.hire@contoso.com",
                "displayName",
                "New Hire",
                "when",
                MailTemplates.at(AT, EN),
                "helpdesk",
                HELPDESK));
    assertEquals("Work account activated: New Hire", activated.subject());
    assertEquals(
        "Hello,\n\nThe work account new.hire@contoso.com (New Hire) was activated on 4 May 2026, 09:30 UTC"
            + ", after an identity check with a photo ID and a selfie.\n\n"
            + "If this is unexpected, contact "
            + HELPDESK
            + " straight away.\n",
        activated.body());
    Mail approved =
        MailTemplates.render(
            MailTemplate.ACTIVATION_APPROVED,
            EN,
            Map.of("reference", "RC-2", "helpdesk", HELPDESK));
    assertEquals("Your identity check was approved", approved.subject());
    assertEquals(
        "Hello,\n\nYour identity check for your new work account (case RC-2) has been approved.\n\n"
            + "If the activation page is still open, it moves on by itself. Otherwise ask whoever sent your invitation "
            + "to send you a new link.\n",
        approved.body());
    Mail denied =
        MailTemplates.render(
            MailTemplate.ACTIVATION_DENIED, EN, Map.of("reference", "RC-2", "helpdesk", HELPDESK));
    assertEquals("About your account activation", denied.subject());
    assertEquals(
        "Hello,\n\nWe could not activate your work account with this identity check (case RC-2).\n\n"
            + "Please contact "
            + HELPDESK
            + " or the person who invited you, quoting case RC-2.\n",
        denied.body());
  }

  @Test
  void theHelpdeskMails() {
    String ticket =
        MailTemplates.fragment(Fragment.HELPDESK_TICKET_NOTE, EN, Map.of("ticket", "INC-42"));
    Mail link =
        MailTemplates.render(
            MailTemplate.HELPDESK_LINK,
            EN,
            Map.of(
                "account",
                "jane@contoso.com",
                "ticketNote",
                ticket,
                "link",
                "https://incode.example/s/1",
                "helpdesk",
                HELPDESK));
    assertEquals("Confirm it is you: your IT helpdesk asked for an identity check", link.subject());
    assertEquals(
        "Hello,\n\n"
            + "You asked the IT helpdesk for help with your work account jane@contoso.com (ticket INC-42). Before the helpdesk "
            + "changes anything, please prove it is you with a photo ID and a selfie. Open this link on a phone or computer "
            + "with a camera:\n\n"
            + "https://incode.example/s/1\n\n"
            + "It takes about five minutes. Our identity partner Incode checks your ID; the helpdesk only learns whether "
            + "the check succeeded.\n\n"
            + "If you did not contact the helpdesk, do not open the link, and tell "
            + HELPDESK
            + " straight away. We will never ask you for your password.\n",
        link.body());
    Mail reset =
        MailTemplates.render(
            MailTemplate.HELPDESK_RESET_LINK,
            EN,
            Map.of(
                "ticketNote",
                "",
                "what",
                "your password",
                "employee",
                "jane@contoso.com",
                "link",
                BASE + "/reset-link.xhtml?token=T",
                "until",
                MailTemplates.at(AT, EN),
                "helpdesk",
                HELPDESK));
    assertEquals("Your helpdesk identity check succeeded: reset your sign-in", reset.subject());
    assertEquals(
        "Hello,\n\n"
            + "Your identity check for the IT helpdesk succeeded. You can now reset your password of jane@contoso.com yourself, here:\n\n"
            + BASE
            + "/reset-link.xhtml?token=T\n\n"
            + "The link works once, until 4 May 2026, 09:30 UTC. Nobody at the helpdesk sees your new password or pass.\n\n"
            + "If you did not contact the helpdesk, do not open the link, and tell "
            + HELPDESK
            + " straight away.\n",
        reset.body());
  }

  @ParameterizedTest
  @EnumSource(MailTemplate.class)
  void everyTemplateHasASubjectAndABodyAndRendersCompletely(MailTemplate t) {
    ResourceBundle bundle =
        ResourceBundle.getBundle("io.recoveryportal.notification.mail", java.util.Locale.ROOT);
    Map<String, Object> params = new HashMap<>();
    Matcher m =
        Pattern.compile("\\{([a-zA-Z]+)\\}")
            .matcher(bundle.getString(t.key() + ".subject") + bundle.getString(t.key() + ".body"));
    while (m.find()) {
      params.put(m.group(1), "x");
    }
    Mail mail = MailTemplates.render(t, EN, params);
    assertFalse(mail.subject().isBlank());
    assertTrue(mail.body().endsWith("\n"));
    assertFalse((mail.subject() + mail.body()).contains("{"), "nothing left unfilled");
    assertTrue(Arrays.stream(Fragment.values()).allMatch(f -> bundle.containsKey(f.key())));
  }

  @Test
  void aMissingParameterIsAMistakeNotAMail() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MailTemplates.render(MailTemplate.REVIEW_DENIED, EN, Map.of("reference", "RC-1")));
    assertTrue(e.getMessage().contains("{helpdesk}"));
  }

  @Test
  void aValueIsInsertedAsItIsEvenWithDollarsAndBraces() {
    assertEquals("a $1 \\ {helpdesk} b", Texts.fill("a {v} b", Map.of("v", "$1 \\ {helpdesk}")));
  }

  @Test
  void aMailInTheReadersLanguageWithItsOwnDates() {
    java.util.Locale de = java.util.Locale.forLanguageTag("de");
    Mail m =
        MailTemplates.render(
            MailTemplate.RESET_NOTICE,
            de,
            Map.of(
                "what",
                "Passwort",
                "account",
                "thomas@contoso.com",
                "when",
                MailTemplates.at(AT, de),
                "reportLink",
                BASE + "/report.xhtml?token=T",
                "linkDays",
                7L));
    assertEquals("Ihr Arbeitskonto wurde wiederhergestellt", m.subject());
    assertTrue(m.body().contains("am 4. Mai 2026, 09:30 UTC"), m.body());
    java.util.Locale ar = java.util.Locale.forLanguageTag("ar");
    Mail a =
        MailTemplates.render(
            MailTemplate.REVIEW_DENIED, ar, Map.of("reference", "RC-1", "helpdesk", HELPDESK));
    assertTrue(a.body().startsWith("مرحبًا"), a.body());
    assertFalse(MailTemplates.at(AT, ar).contains("May"), MailTemplates.at(AT, ar));
    // a language without a file of its own falls back to English, never to the server's default
    // locale
    assertEquals(
        "Your account recovery request",
        MailTemplates.render(
                MailTemplate.REVIEW_DENIED,
                java.util.Locale.forLanguageTag("ko"),
                Map.of("reference", "RC-1", "helpdesk", HELPDESK))
            .subject());
  }
}
