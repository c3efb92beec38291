package io.recoveryportal.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of a servlet request and its session for {@link StaffSessions}: attributes,
 * getSession, changeSessionId and invalidate, as the container does them. Any other method is a
 * test bug and throws.
 */
final class FakeHttp {

  static final class Session {
    final Map<String, Object> attributes = new HashMap<>();
    String id = "s1";
    boolean valid = true;
    int maxInactive = 1200;
    final HttpSession proxy =
        (HttpSession)
            Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpSession.class},
                (self, m, args) -> {
                  if (!valid && !m.getName().equals("toString")) {
                    throw new IllegalStateException("session invalidated");
                  }
                  return switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" ->
                        attributes.put((String) args[0], args[1]) == null ? null : null;
                    case "removeAttribute" ->
                        attributes.remove((String) args[0]) == null ? null : null;
                    case "invalidate" -> {
                      valid = false;
                      attributes.clear();
                      yield null;
                    }
                    case "setMaxInactiveInterval" -> {
                      maxInactive = (Integer) args[0];
                      yield null;
                    }
                    case "getId" -> id;
                    default -> throw new UnsupportedOperationException(m.getName());
                  };
                });
  }

  /** The browser's session, kept across its requests like a cookie. */
  Session session;

  /** A new request from this browser. */
  HttpServletRequest request() {
    Map<String, Object> requestAttributes = new HashMap<>();
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeHttp.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (self, m, args) ->
                switch (m.getName()) {
                  case "getSession" -> {
                    boolean create = args == null || (Boolean) args[0];
                    if ((session == null || !session.valid) && create) {
                      session = new Session();
                    }
                    yield session != null && session.valid ? session.proxy : null;
                  }
                  case "changeSessionId" -> {
                    session.id = session.id + "'";
                    yield session.id;
                  }
                  case "getAttribute" -> requestAttributes.get((String) args[0]);
                  case "setAttribute" ->
                      requestAttributes.put((String) args[0], args[1]) == null ? null : null;
                  default -> throw new UnsupportedOperationException(m.getName());
                });
  }
}
