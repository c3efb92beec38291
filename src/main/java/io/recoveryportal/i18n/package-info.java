/**
 * Languages: which of the portal's ten a request is served in ({@link Languages}, {@link
 * LanguageFilter}), the words of every page, message and email in resource bundles ({@code
 * messages*.properties} here, the mails' {@code notification/mail*.properties}), filled by name
 * ({@link Texts}), and dates written for the language.
 */
package io.recoveryportal.i18n;
