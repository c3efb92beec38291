package io.recoveryportal.staff;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The staff areas' only door. Without a staff session within its timeouts, or without a role that
 * opens the area, the answer is the portal's ordinary 404 page: no redirect to sign-in and no
 * "forbidden", so nobody learns that the page exists. Staff start at {@code /staff/signin} instead.
 */
@WebFilter(
    urlPatterns = {"/review/*", "/helpdesk/*", "/admin/*", "/audit/*"},
    dispatcherTypes = DispatcherType.REQUEST)
public class StaffGate extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject CurrentStaff staff;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // the container's normalised, decoded path: "/review/../x", "%2e%2e" and ";jsessionid" are
    // already resolved
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    boolean admitted =
        StaffArea.of(path)
            .map(area -> staff.principal().filter(area::admits).isPresent())
            .orElse(false);
    if (!admitted) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(req, res);
  }
}
