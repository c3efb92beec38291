package io.recoveryportal.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds every email from its template ({@link MailTemplate}) and named parameters: the words live in
 * {@code io/recoveryportal/notification/mail.properties}, never in the services that send them. Today there is one
 * language, English ({@link Locale#ROOT}); a language is added as a bundle of its own ({@code mail_de.properties}) and a
 * locale passed here, which also picks the dates' month names.
 */
public final class MailTemplates {

    private static final String BUNDLE = "io.recoveryportal.notification.mail";
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)\\}");
    private static final String AT = "d MMMM yyyy 'at' HH:mm 'UTC'";
    private static final String DAY = "d MMMM yyyy";

    /** A rendered email. */
    public record Mail(String subject, String body) {
    }

    private MailTemplates() {
    }

    /** The email {@code template} with {@code parameters} filled in. */
    public static Mail render(MailTemplate template, Map<String, ?> parameters) {
        return new Mail(fill(text(template.key() + ".subject"), parameters), fill(text(template.key() + ".body"), parameters));
    }

    /** A part of an email with its parameters filled in. */
    public static String fragment(MailTemplate.Fragment fragment, Map<String, ?> parameters) {
        return fill(text(fragment.key()), parameters);
    }

    /** A moment as the emails write it: "4 May 2026 at 09:30 UTC". */
    public static String at(Instant when) {
        return DateTimeFormatter.ofPattern(AT, Locale.ENGLISH).withZone(ZoneOffset.UTC).format(when);
    }

    /** A day as the emails write it: "4 May 2026". */
    public static String day(Instant when) {
        return DateTimeFormatter.ofPattern(DAY, Locale.ENGLISH).withZone(ZoneOffset.UTC).format(when);
    }

    private static String text(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, MailTemplates.class.getClassLoader()).getString(key);
    }

    /** Replaces each {name}; a name without a parameter is a mistake in the template or its caller, never sent as is. */
    static String fill(String text, Map<String, ?> parameters) {
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("no value for {" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(parameters.get(name))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
