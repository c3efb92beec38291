package io.recoveryportal.web;

import io.recoveryportal.staff.StaffArea;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web application's folders, named without their trailing slash. The container would answer
 * each with its own "301 Document moved" to the folder, before any filter runs: a signed-out
 * visitor would learn that {@code /review} exists while {@code /foo} is a 404, from a page without
 * the portal's headers. An exact mapping here comes before that redirect. A staff area's path
 * reaches this servlet only when {@code StaffGate} (which covers the bare path too) admitted the
 * staff member, who is sent on to the area; everything else is the ordinary 404.
 *
 * <p>Every folder of webapp/ is listed (FolderPathsTest checks); /WEB-INF and /META-INF with
 * everything below them, whose folders the container would otherwise redirect to before it refuses
 * to serve them.
 */
@WebServlet(
    urlPatterns = {
      "/review",
      "/admin",
      "/audit",
      "/helpdesk",
      "/staff",
      "/verify",
      "/resources",
      "/resources/css",
      "/resources/js",
      "/WEB-INF/*",
      "/META-INF/*"
    })
public class FolderPaths extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getServletPath();
    if (StaffArea.of(path).isPresent()) {
      res.sendRedirect(req.getContextPath() + path + "/");
    } else {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
