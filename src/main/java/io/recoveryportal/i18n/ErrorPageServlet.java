package io.recoveryportal.i18n;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code /error/<page>.html} (the locations web.xml's error pages name) from {@link
 * ErrorPages}, in the request's language. On an error dispatch the container has already set the
 * status; a direct visit gets 200.
 */
@WebServlet("/error/*")
public class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String name =
        path.startsWith("/") && path.endsWith(".html")
            ? path.substring(1, path.length() - ".html".length())
            : "";
    if (!ErrorPages.PAGES.contains(name)
        && req.getAttribute("jakarta.servlet.error.status_code") == null) {
      res.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    res.setContentType("text/html;charset=UTF-8");
    if (!"HEAD".equals(req.getMethod())) {
      res.getWriter().write(ErrorPages.render(name, LanguageFilter.of(req)));
    }
  }
}
