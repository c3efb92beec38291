package io.recoveryportal.it;

import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.IncodeProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's recovery driven over plain HTTP, as a browser would make it, without a browser: the
 * start page's form (with its Faces view state), "Continue", "Continue to the identity check", the
 * sandbox's Incode page with the chosen outcome, the callback, the recover page and the new
 * password. Cheap enough to run many at once: for load tests and the flow benchmark. Cookies are
 * kept by hand, because the JDK's cookie store never sends a {@code Secure} cookie (the attempt's
 * {@code __Host-} cookie) over the sandbox's plain HTTP.
 *
 * <p>Each step's status and wall-clock time are recorded; no step ever throws for an HTTP status,
 * so a caller sees a 500 as a result, not as an exception.
 */
public final class FlowDriver {

  /**
   * A step of the flow, as the results name it. Each is one exchange with the portal and the
   * redirects it leads to within the portal, except INCODE: the sandbox's Incode pages (the
   * authorization page and its form).
   */
  public enum Step {
    START_PAGE,
    CONTINUE,
    TO_INCODE,
    INCODE,
    CALLBACK,
    RECOVER_PAGE,
    PASSWORD,
    MFA
  }

  /**
   * How one flow ended: the statuses and milliseconds per step, the last page's heading and problem
   * text (if any). {@code heading} is null when the flow stopped before a portal page could be read
   * (a 5xx, a broken form).
   */
  public record Result(
      Map<Step, Integer> statuses, Map<Step, Long> millis, String heading, String problem) {

    public boolean serverError() {
      return statuses.values().stream().anyMatch(s -> s >= 500);
    }
  }

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern H1 = Pattern.compile("<h1[^>]*>(.*?)</h1>", Pattern.DOTALL);
  private static final Pattern PROBLEM =
      Pattern.compile("id=\"problem-text\"[^>]*>(.*?)</p>", Pattern.DOTALL);
  private static final Pattern PENDING =
      Pattern.compile("name=\"" + CodeFlow.FORM_PENDING + "\" value=\"([^\"]+)\"");
  private static final Pattern PERSON_CHOSEN =
      Pattern.compile("<option value=\"([^\"]+)\" selected>");
  private static final Pattern PERSON_FIRST =
      Pattern.compile("name=\"" + IncodeProvider.FORM_PERSON + "\"><option value=\"([^\"]+)\"");
  private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("\\sname=\"([^\"]*)\"");
  private static final Pattern ATTRIBUTE_VALUE = Pattern.compile("\\svalue=\"([^\"]*)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

  private final String portal;
  private final HttpClient http;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private final Map<Step, Integer> statuses = new LinkedHashMap<>();
  private final Map<Step, Long> millis = new LinkedHashMap<>();

  /** The last page the portal showed: the next form is read from it. */
  private volatile Page last;

  /**
   * A new browser, as it were: no cookies. {@code portal} is the base URL, without a trailing
   * slash.
   */
  public FlowDriver(String portal) {
    this(portal, client());
  }

  /**
   * A new browser sharing {@code http} ({@link #client()}) with others: cookies are kept here, per
   * driver, so many drivers can share one client's connections, as a load test should (a client per
   * flow costs a thread each).
   */
  public FlowDriver(String portal, HttpClient http) {
    this.portal = portal;
    this.http = http;
  }

  /**
   * A client as the drivers need it: HTTP/1.1 (no h2c upgrade offers), redirects followed by the
   * driver.
   */
  public static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * A password recovery for {@code email}: verified with {@code outcome} (VERIFIED for a match) on
   * the sandbox's Incode page, then {@code password} twice. Ends on the page the portal shows after
   * the password POST, or earlier where the flow could not go on.
   */
  public Result passwordFlow(String email, String outcome, String password) {
    Result verified = verify(email, "password", outcome);
    return last != null && last.body().contains("id=\"password\"")
        ? setPassword(password)
        : verified;
  }

  /**
   * An MFA recovery for {@code email}: verified with {@code outcome}, then "Reset my sign-in
   * methods".
   */
  public Result mfaFlow(String email, String outcome) {
    Result verified = verify(email, "mfa", outcome);
    return last != null && last.body() != null && last.body().contains("id=\"mfa\"")
        ? resetMfa()
        : verified;
  }

  /** "Reset my sign-in methods" on the form of the last page. */
  public Result resetMfa() {
    try {
      return result(post(Step.MFA, last, "mfa", Map.of("mfa:reset", "Reset my sign-in methods")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The outcome that cancels at the sandbox's Incode page instead of finishing ("Cancel":
   * access_denied).
   */
  public static final String CANCEL = "CANCEL";

  /** From the start page to the page the callback leads to (the new-password form, for a match). */
  public Result verify(String email, String need, String outcome) {
    try {
      Page start = get(Step.START_PAGE, portal + "/?email=" + enc(email) + "&action=" + enc(need));
      if (!start.ok()) {
        return result(start);
      }
      Page confirm =
          post(
              Step.CONTINUE,
              start,
              "start",
              Map.of("start:email", email, "start:need", need, "start:continue", "Continue"));
      if (!confirm.ok()) {
        return result(confirm);
      }
      Page toIncode =
          submit(
              Step.TO_INCODE,
              confirm,
              "back",
              Map.of("back:verify", "Continue to the identity check"));
      if (toIncode.status() < 300 || toIncode.status() >= 400) {
        return result(toIncode);
      }
      Page incode = follow(Step.INCODE, toIncode);
      Matcher pending = PENDING.matcher(incode.body() == null ? "" : incode.body());
      if (incode.status() != 200 || !pending.find()) {
        return result(incode);
      }
      // the ID presented: the select's chosen option, or its first, as a browser submits it
      Matcher chosen = PERSON_CHOSEN.matcher(incode.body());
      Matcher first = PERSON_FIRST.matcher(incode.body());
      String person = chosen.find() ? chosen.group(1) : first.find() ? first.group(1) : "";
      Page callback =
          send(
              Step.INCODE,
              form(
                  URI.create(incode.uri().toString().replaceFirst("\\?.*$", "")),
                  Map.of(
                      CodeFlow.FORM_PENDING,
                      pending.group(1),
                      IncodeProvider.FORM_OUTCOME,
                      CANCEL.equals(outcome) ? "VERIFIED" : outcome,
                      IncodeProvider.FORM_PERSON,
                      person,
                      IncodeProvider.FORM_ACTION,
                      CANCEL.equals(outcome)
                          ? IncodeProvider.ACTION_CANCEL
                          : IncodeProvider.ACTION_FINISH)),
              false);
      if (callback.status() < 300 || callback.status() >= 400) {
        return result(callback);
      }
      Page recover = follow(Step.RECOVER_PAGE, hop(Step.CALLBACK, callback));
      return result(recover);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of the last page the portal showed (empty before the first). */
  public String lastBody() {
    Page p = last;
    return p == null || p.body() == null ? "" : p.body();
  }

  /** The new password, twice, on the form of the last page. */
  public Result setPassword(String password) {
    try {
      return result(
          post(
              Step.PASSWORD,
              last,
              "password",
              Map.of(
                  "password:new",
                  password,
                  "password:confirm",
                  password,
                  "password:save",
                  "Set my new password")));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The person's page, looked at again (a reload, or coming back later in the same browser). */
  public Result look() {
    try {
      return result(get(Step.RECOVER_PAGE, portal + "/recover.xhtml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body of the last page the driver got (a notice the result's fields do not carry). */
  public String lastPage() {
    return last == null || last.body() == null ? "" : last.body();
  }

  /**
   * The value of a portal cookie this browser holds, if any (for tests that forge a request beside
   * it).
   */
  public java.util.Optional<String> cookie(String name) {
    return java.util.Optional.ofNullable(cookies.get(name));
  }

  /** A page as the driver got it, after following redirects within the step. */
  private record Page(URI uri, int status, String body) {

    boolean ok() {
      return status == 200;
    }
  }

  private Result result(Page page) {
    last = page;
    String heading = null;
    String problem = null;
    if (page.body() != null) {
      Matcher h = H1.matcher(page.body());
      heading = h.find() ? strip(h.group(1)) : null;
      Matcher p = PROBLEM.matcher(page.body());
      problem = p.find() ? strip(p.group(1)) : null;
    }
    return new Result(Map.copyOf(statuses), Map.copyOf(millis), heading, problem);
  }

  private Page get(Step step, String url) throws IOException, InterruptedException {
    return follow(step, send(step, HttpRequest.newBuilder(URI.create(url)).GET(), true));
  }

  /**
   * Submits the Faces form {@code formId} of {@code page} and follows the redirects it leads to.
   */
  private Page post(Step step, Page page, String formId, Map<String, String> fields)
      throws IOException, InterruptedException {
    return follow(step, submit(step, page, formId, fields));
  }

  /**
   * Submits the Faces form {@code formId} of {@code page} with these fields and its view state; no
   * redirect followed.
   */
  private Page submit(Step step, Page page, String formId, Map<String, String> fields)
      throws IOException, InterruptedException {
    Matcher state = VIEW_STATE.matcher(page.body());
    Matcher action =
        Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
            .matcher(page.body());
    if (!state.find() || !action.find()) {
      record(step, 599, 0);
      return new Page(page.uri(), 599, page.body());
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put(formId, formId);
    all.put("jakarta.faces.ViewState", state.group(1).replace("&#58;", ":"));
    // every hidden field of the form goes back, as a browser sends it (a form key, the
    // confirmation's address)
    int start = page.body().indexOf("<form id=\"" + formId + "\"");
    int end = page.body().indexOf("</form>", start);
    Matcher hidden =
        HIDDEN_INPUT.matcher(page.body().substring(start, end < 0 ? page.body().length() : end));
    while (hidden.find()) {
      Matcher name = ATTRIBUTE_NAME.matcher(hidden.group());
      Matcher value = ATTRIBUTE_VALUE.matcher(hidden.group());
      if (name.find()) {
        all.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
      }
    }
    all.putAll(fields);
    URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
    return send(step, form(target, all), true);
  }

  private static HttpRequest.Builder form(URI target, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(target)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /**
   * Follows redirects (GET) within the step, up to five, keeping cookies; each hop's time counts to
   * the step.
   */
  private Page follow(Step step, Page page) throws IOException, InterruptedException {
    Page current = page;
    for (int hops = 0; hops < 5 && current.status() >= 300 && current.status() < 400; hops++) {
      current = hop(step, current);
    }
    return current;
  }

  /** Follows one redirect (GET), keeping cookies. */
  private Page hop(Step step, Page redirect) throws IOException, InterruptedException {
    return send(step, HttpRequest.newBuilder(redirect.uri().resolve(redirect.body())).GET(), true);
  }

  /** One exchange; a redirect's Location is returned as the page's body, for {@link #follow}. */
  private Page send(Step step, HttpRequest.Builder request, boolean portalCookies)
      throws IOException, InterruptedException {
    HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
    HttpRequest.Builder withCookies = HttpRequest.newBuilder(built, (n, v) -> true);
    if (portalCookies && built.uri().toString().startsWith(portal) && !cookies.isEmpty()) {
      withCookies.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
    record(step, r.statusCode(), (System.nanoTime() - t0) / 1_000_000);
    if (built.uri().toString().startsWith(portal)) {
      for (String c : r.headers().allValues("Set-Cookie")) {
        Matcher m = SET_COOKIE.matcher(c);
        if (m.find()) {
          cookies.put(m.group(1), m.group(2));
        }
      }
    }
    if (r.statusCode() >= 300 && r.statusCode() < 400) {
      return new Page(built.uri(), r.statusCode(), r.headers().firstValue("Location").orElse(""));
    }
    return new Page(built.uri(), r.statusCode(), r.body());
  }

  /** Keeps the worst status and the summed time of each step. */
  private synchronized void record(Step step, int status, long ms) {
    statuses.merge(step, status, Math::max);
    millis.merge(step, ms, Long::sum);
  }

  private static String unescape(String html) {
    return html.replace("&#58;", ":")
        .replace("&#64;", "@")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String strip(String html) {
    return html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code flows} at once, on their own threads; the results in the order the flows were
   * given.
   */
  public static List<Result> concurrently(List<java.util.concurrent.Callable<Result>> flows)
      throws InterruptedException {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(flows.size());
    try {
      List<Result> out = new ArrayList<>();
      for (java.util.concurrent.Future<Result> f : pool.invokeAll(flows)) {
        try {
          out.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a flow failed outside HTTP", e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
