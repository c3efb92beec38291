package io.recoveryportal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The error pages, written from the bundle without Faces: every page, the language's lang and dir,
 * escaped text.
 */
class ErrorPagesTest {

  @Test
  void everyPageInEnglish() {
    for (String page : ErrorPages.PAGES) {
      String html = ErrorPages.render(page, Languages.ENGLISH);
      assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"), html);
      assertTrue(
          html.contains(
              "<h1>"
                  + ErrorPages.escape(Texts.text(Languages.ENGLISH, "error." + page + ".heading"))
                  + "</h1>"),
          html);
      assertTrue(
          html.contains("<a href=\"/\">Start again from the account recovery page</a>"), html);
    }
    assertTrue(ErrorPages.render("404", Languages.ENGLISH).contains("<h1>Page not found</h1>"));
    assertTrue(
        ErrorPages.render("400", Languages.ENGLISH).contains("this portal&#39;s forms"),
        "text is escaped");
    assertEquals(
        ErrorPages.render("404", Languages.ENGLISH),
        ErrorPages.render("../../etc/passwd", Languages.ENGLISH),
        "an unknown page is the 404 page");
  }

  @Test
  void arabicIsRightToLeft() {
    String html = ErrorPages.render("500", Locale.forLanguageTag("ar"));
    assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), html);
  }
}
