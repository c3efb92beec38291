package io.recoveryportal.web;

import io.recoveryportal.cookies.FormKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every Faces page the browser's {@link FormKey} field, as the request attribute {@code
 * formKey} that the stateless pages' forms render; a browser without a key gets one. {@link
 * RequestRules} refuses a stateless postback whose field does not match, before any page sees it.
 */
@WebFilter(urlPatterns = "/*")
public class FormKeyFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getServletPath().endsWith(".xhtml")) {
      // pages only: a style sheet or an error page needs no key, and should set no cookie
      req.setAttribute(FormKey.FIELD, FormKey.ensure(req, res));
    }
    chain.doFilter(req, res);
  }
}
