package io.recoveryportal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The attempt cookie: the only place the raw attempt id lives. {@code __Host-} pins it to this host and path
 * "/" over HTTPS; SameSite=Lax lets it ride along on the top-level redirect back from Incode, and nowhere else.
 */
public final class AttemptCookie {

    public static final String NAME = "__Host-attempt";

    private AttemptCookie() {
    }

    public static void set(HttpServletResponse res, String rawId, Duration lifetime) {
        res.addHeader("Set-Cookie", NAME + "=" + rawId + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; Secure; HttpOnly; SameSite=Lax");
    }

    public static void clear(HttpServletResponse res) {
        res.addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    }

    public static Optional<String> read(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue)
                        .filter(v -> v.matches("[A-Za-z0-9_-]{43}")).findFirst();
    }
}
