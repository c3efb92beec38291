package io.recoveryportal.web;

import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every Faces page the browser's {@link FormKey} field (request attribute {@code formKey}) and refuses a
 * postback of a stateless view without the matching field: such a post is answered with a redirect to the same
 * page, so a forged form changes nothing and a person whose cookie expired simply sees the page again. A stateful
 * view's postback is left to its own view state.
 */
@WebFilter(urlPatterns = "/*")
public class FormKeyFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FormKeyFilter.class.getName());
    static final String STATELESS = "stateless";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        if ("POST".equals(req.getMethod()) && STATELESS.equals(req.getParameter(ResponseStateManager.VIEW_STATE_PARAM))
                && !FormKey.matches(req)) {
            // FINE, not INFO: anyone can send these, and the log must not be theirs to fill
            LOG.log(Level.FINE, "A stateless form was posted without this browser's form key; shown afresh");
            res.setStatus(HttpServletResponse.SC_SEE_OTHER);
            res.setHeader("Location", req.getRequestURI());
            return;
        }
        if (req.getServletPath().endsWith(".xhtml")) {
            // pages only: a style sheet or an error page needs no key, and should set no cookie
            req.setAttribute(FormKey.FIELD, FormKey.ensure(req, res));
        }
        chain.doFilter(req, res);
    }
}
