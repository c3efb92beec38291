package io.recoveryportal.i18n;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The portal's error pages (400, 404, 405, 413, 500, expired) written from the messages bundle in
 * the request's language. Plain Java on purpose: no Faces and no CDI, so that they still render
 * when Faces or CDI is what failed.
 */
public final class ErrorPages {

  /** The pages there are; anything else is shown as 404. */
  public static final Set<String> PAGES = Set.of("400", "404", "405", "413", "500", "expired");

  private ErrorPages() {}

  /** The whole page {@code name} (one of {@link #PAGES}, else 404) in {@code language}. */
  public static String render(String name, Locale language) {
    String page = PAGES.contains(name) ? name : "404";
    ResourceBundle b = Texts.bundle(Texts.MESSAGES, language);
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(language.toLanguageTag())
        .append("\" dir=\"")
        .append(Languages.rightToLeft(language) ? "rtl" : "ltr")
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(escape(b.getString("error." + page + ".title")))
        .append(" – ")
        .append(escape(b.getString("error.site-name")))
        .append(
            "</title><link rel=\"stylesheet\" href=\"/jakarta.faces.resource/css/portal.css.xhtml\"></head>\n")
        .append(
            "<body><header class=\"site-header\"><div class=\"wrap\"><span class=\"site-name\">")
        .append(escape(b.getString("error.site-name")))
        .append("</span></div></header>\n")
        .append("<main id=\"main\" class=\"wrap\"><h1>")
        .append(escape(b.getString("error." + page + ".heading")))
        .append("</h1>\n");
    for (String paragraph : b.getString("error." + page + ".text").split("\n")) {
      html.append("<p>").append(escape(paragraph)).append("</p>\n");
    }
    html.append("<p><a href=\"/\">")
        .append(escape(b.getString("error.start-again")))
        .append("</a></p></main></body></html>\n");
    return html.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
