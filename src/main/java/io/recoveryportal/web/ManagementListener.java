package io.recoveryportal.web;

import io.recoveryportal.config.RequiredSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Health and metrics only on the management port, and the portal's pages only off it. Payara
 * registers its MicroProfile Health ({@code /health}) and Metrics ({@code /metrics}) servlets
 * inside the application at the root context, so they answer on every listener; their answers name
 * the Incode issuer, the database and counters, which are for operators and probes, not for anyone
 * on the internet. The management listener is a second port (config/pre-boot-commands.asadmin) that
 * a load balancer never forwards to; each side answers 404 for the other's paths.
 */
@WebFilter(urlPatterns = "/*")
public class ManagementListener extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Payara's default; kept in step with config/pre-boot-commands.asadmin. */
  static final int DEFAULT_PORT = 9090;

  private final int managementPort = port();

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getLocalPort() == managementPort) {
      if (!managementPath(req.getServletPath())) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
    } else if (managementPath(req.getServletPath())) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(req, res);
  }

  static boolean managementPath(String servletPath) {
    return under(servletPath, "/health") || under(servletPath, "/metrics");
  }

  private static boolean under(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/");
  }

  /**
   * The port Payara opened for it. Read from the environment variable itself, not through
   * MicroProfile Config: Payara resolves it in the pre-boot commands from the environment only (a
   * system property would not reach the listener), so this must see exactly what Payara saw.
   */
  static int port() {
    return Optional.ofNullable(
            System.getenv(RequiredSettings.environmentName("portal.management-port")))
        .map(String::trim)
        .map(Integer::parseInt)
        .orElse(DEFAULT_PORT);
  }
}
