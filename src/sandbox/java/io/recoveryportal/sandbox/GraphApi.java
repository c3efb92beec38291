package io.recoveryportal.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.recoveryportal.sandbox.Directory.Account;
import io.recoveryportal.sandbox.Directory.AuthMethod;
import io.recoveryportal.sandbox.Directory.DirectoryRole;
import io.recoveryportal.sandbox.Directory.Group;
import io.recoveryportal.sandbox.Directory.Membership;
import io.recoveryportal.sandbox.Directory.User;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The sandbox's Microsoft Graph v1.0, the subset the portal uses: user lookup ($filter, $select,
 * $count, $top), group and role membership, password and accountEnabled updates, authentication
 * methods, temporary access passes, session revocation and JSON $batch. Shapes, status codes and
 * error codes follow Graph's documentation (shared/reference/graph-msal-nimbus.md); where the
 * sandbox stops short it answers 501 rather than pretend.
 */
public final class GraphApi implements HttpHandler {

  /** Where Sandbox mounts this handler. */
  static final String MOUNT = "/graph/v1.0";

  private static final int MAX_BATCH_REQUESTS = 20;
  private static final int MAX_PAGE_SIZE = 999;
  private static final int TAP_MIN_MINUTES = 10;
  private static final int TAP_MAX_MINUTES = 43200;
  private static final int TAP_DEFAULT_MINUTES = 60;

  // Application permissions each operation accepts, least privileged first.
  private static final Set<String> READ_USERS =
      Set.of(
          "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
  private static final Set<String> WRITE_USERS =
      Set.of("User.ReadWrite.All", "Directory.ReadWrite.All");
  private static final Set<String> READ_GROUPS =
      Set.of(
          "GroupMember.Read.All",
          "Group.Read.All",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  private static final Set<String> READ_ROLES =
      Set.of(
          "RoleManagement.Read.Directory",
          "RoleManagement.ReadWrite.Directory",
          "Directory.Read.All",
          "Directory.ReadWrite.All");
  private static final Set<String> WRITE_PASSWORD =
      Set.of("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All");
  private static final Set<String> ENABLE_DISABLE =
      Set.of("User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All");
  private static final Set<String> READ_METHODS =
      Set.of("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All");
  private static final Set<String> WRITE_METHODS = Set.of("UserAuthenticationMethod.ReadWrite.All");
  private static final Set<String> REVOKE_SESSIONS =
      Set.of("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All");

  /** What Graph returns for a user when $select is absent. */
  private static final List<String> DEFAULT_USER_PROPERTIES =
      List.of(
          "businessPhones",
          "displayName",
          "givenName",
          "jobTitle",
          "mail",
          "mobilePhone",
          "officeLocation",
          "preferredLanguage",
          "surname",
          "userPrincipalName",
          "id");

  private static final Set<String> BOOLEAN_USER_PROPERTIES =
      Set.of("accountEnabled", "onPremisesSyncEnabled");
  private static final Set<String> COLLECTION_USER_PROPERTIES =
      Set.of("businessPhones", "otherMails", "proxyAddresses");
  private static final List<String> FILTERABLE_USER_PROPERTIES =
      List.of(
          "id",
          "userPrincipalName",
          "mail",
          "otherMails",
          "proxyAddresses",
          "displayName",
          "givenName",
          "surname",
          "accountEnabled",
          "department",
          "jobTitle",
          "employeeId",
          "mailNickname",
          "userType",
          "companyName");

  /**
   * Writable through PATCH on real Graph, but only with User.ReadWrite.All, which the portal never
   * holds.
   */
  private static final Set<String> WRITABLE_WITH_USER_READWRITE =
      Set.of(
          "displayName",
          "givenName",
          "surname",
          "department",
          "jobTitle",
          "otherMails",
          "mail",
          "employeeId",
          "employeeHireDate",
          "mobilePhone",
          "businessPhones",
          "officeLocation",
          "preferredLanguage",
          "usageLocation",
          "companyName",
          "userPrincipalName");

  private static final Set<String> UNSUPPORTED_QUERY_OPTIONS =
      Set.of("expand", "orderby", "search", "skip", "format");

  private static final List<String> MEMBERSHIP_PROPERTIES =
      List.of(
          "id",
          "displayName",
          "description",
          "securityEnabled",
          "mailEnabled",
          "groupTypes",
          "roleTemplateId");

  private final Sandbox sandbox;

  GraphApi(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  private Directory directory() {
    return sandbox.directory();
  }

  /**
   * One request being served: its exchange, its path below the mount, its query options and the
   * caller's roles.
   */
  private record Call(
      HttpExchange ex, List<String> segments, Map<String, String> query, Set<String> roles) {

    String method() {
      return ex.getRequestMethod();
    }

    void require(Set<String> accepted) {
      if (Collections.disjoint(roles, accepted)) {
        throw GraphFailure.forbidden();
      }
    }

    boolean holds(Set<String> accepted) {
      return !Collections.disjoint(roles, accepted);
    }
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = relativePath(ex.getRequestURI().getPath());
    // The $batch envelope is only a carrier: its steps are the Graph calls, counted, throttled and
    // slowed one by one, as Graph throttles each request of a batch on its own.
    boolean batch = "/$batch".equals(path);
    if (!batch) {
      directory().countGraphCall();
      if (sandbox.faults().intercept(ex)) {
        return;
      }
      Faults.PendingWriteFault fault = sandbox.faults().takeWriteFault(ex.getRequestMethod(), path);
      if (fault != null) {
        serveWithFault(ex, path, fault);
        return;
      }
    }
    serve(ex, path, batch);
  }

  /**
   * Applies the write as usual, into a buffer, and then answers it late or drops the connection:
   * the write has happened, but the caller cannot know it from the answer.
   */
  private void serveWithFault(HttpExchange ex, String path, Faults.PendingWriteFault fault)
      throws IOException {
    if (fault.mode() == Faults.WriteFault.ERROR) {
      GraphErrors.send(
          ex,
          500,
          "InternalServerError",
          "An internal server error occurred.",
          UUID.randomUUID().toString());
      return;
    }
    if (fault.mode() == Faults.WriteFault.SLOW) {
      pause(fault.delayMillis());
      serve(ex, path, false);
      return;
    }
    BatchExchange applied =
        new BatchExchange(
            ex,
            ex.getRequestMethod(),
            ex.getRequestURI(),
            ex.getRequestHeaders(),
            ex.getRequestBody().readAllBytes());
    serve(applied, path, false);
    if (fault.mode() == Faults.WriteFault.DROP) {
      // closing an exchange before its response headers are sent closes the connection itself
      ex.close();
      return;
    }
    pause(fault.delayMillis());
    ex.getResponseHeaders().putAll(applied.getResponseHeaders());
    byte[] body = applied.body().getBytes(StandardCharsets.UTF_8);
    try {
      ex.sendResponseHeaders(applied.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        ex.getResponseBody().write(body);
      }
    } catch (IOException gone) {
      // the caller stopped waiting and closed the connection: as with real Graph, the write stands
    } finally {
      ex.close();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(HttpExchange ex, String path, boolean batch) throws IOException {
    String requestId = UUID.randomUUID().toString();
    ex.getResponseHeaders().set("request-id", requestId);
    String clientRequestId = ex.getRequestHeaders().getFirst("client-request-id");
    ex.getResponseHeaders()
        .set("client-request-id", clientRequestId == null ? requestId : clientRequestId);
    try {
      Set<String> roles = authenticate(ex);
      Call call = new Call(ex, segments(path), queryOptions(ex), roles);
      if (batch) {
        batch(call);
      } else {
        route(call);
      }
    } catch (GraphFailure f) {
      GraphErrors.send(ex, f.status(), f.code(), f.getMessage(), requestId);
    }
  }

  private static String relativePath(String path) {
    String rest = path.startsWith(MOUNT) ? path.substring(MOUNT.length()) : path;
    return rest.length() > 1 && rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
  }

  private static List<String> segments(String path) {
    return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * Query options by name without "$" and lower-cased: Graph v1.0 accepts {@code $select} and
   * {@code select} alike.
   */
  private static Map<String, String> queryOptions(HttpExchange ex) {
    Map<String, String> raw;
    try {
      raw = Http.query(ex);
    } catch (IllegalArgumentException e) {
      throw GraphFailure.badRequest("The query specified in the URI is not valid.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach(
        (k, v) -> out.put((k.startsWith("$") ? k.substring(1) : k).toLowerCase(Locale.ROOT), v));
    for (String option : UNSUPPORTED_QUERY_OPTIONS) {
      if (out.containsKey(option)) {
        throw GraphFailure.notInSandbox("the $" + option + " query option");
      }
    }
    return out;
  }

  /**
   * The bearer token's application permissions; 401 as Graph answers when the token is missing or
   * not valid.
   */
  private Set<String> authenticate(HttpExchange ex) {
    String token = Http.bearer(ex).orElse("");
    if (token.isEmpty()) {
      throw invalidToken("Access token is empty.");
    }
    JWTClaimsSet claims = sandbox.entra().verifyGraphToken(token);
    if (claims == null) {
      throw invalidToken("Access token validation failure. Invalid audience.");
    }
    try {
      List<String> roles = claims.getStringListClaim("roles");
      return roles == null ? Set.of() : Set.copyOf(roles);
    } catch (ParseException e) {
      return Set.of();
    }
  }

  private static GraphFailure invalidToken(String message) {
    return new GraphFailure(401, "InvalidAuthenticationToken", message);
  }

  // ---- routing ----

  private void route(Call c) throws IOException {
    List<String> s = c.segments();
    if (s.isEmpty() || !"users".equals(s.get(0))) {
      throw GraphFailure.segmentNotFound(s.isEmpty() ? "" : s.get(0));
    }
    if (s.size() == 1) {
      onlyMethod(c, "GET");
      listUsers(c);
      return;
    }
    Account account =
        directory().account(s.get(1)).orElseThrow(() -> GraphFailure.notFound(s.get(1)));
    if (s.size() == 2) {
      switch (c.method()) {
        case "GET" -> getUser(c, account);
        case "PATCH" -> patchUser(c, account);
        default -> throw GraphFailure.methodNotAllowed();
      }
      return;
    }
    String navigation = s.get(2);
    if ("authentication".equals(navigation)) {
      authentication(c, account, s.subList(3, s.size()));
      return;
    }
    if (s.size() > 3) {
      throw GraphFailure.segmentNotFound(s.get(3));
    }
    switch (navigation) {
      case "manager" -> {
        onlyMethod(c, "GET");
        manager(c, account);
      }
      case "transitiveMemberOf", "memberOf" -> {
        onlyMethod(c, "GET");
        memberOf(c, account, navigation);
      }
      case "revokeSignInSessions" -> {
        onlyMethod(c, "POST");
        c.require(REVOKE_SESSIONS);
        directory().revokeSessions(account.id());
        Http.json(c.ex(), 200, Json.of("@odata.context", context("Edm.Boolean"), "value", true));
      }
      default -> throw GraphFailure.segmentNotFound(navigation);
    }
  }

  private static void onlyMethod(Call c, String method) {
    if (!method.equals(c.method())) {
      throw GraphFailure.methodNotAllowed();
    }
  }

  private String context(String fragment) {
    return sandbox.graphBaseUrl() + "/$metadata#" + fragment;
  }

  // ---- users ----

  private void listUsers(Call c) throws IOException {
    c.require(READ_USERS);
    List<String> select = userSelection(c.query());
    ODataFilter.Clause clause =
        c.query().containsKey("filter")
            ? ODataFilter.parseClause(
                c.query().get("filter"), filterableUserProperties(), knownUserProperties())
            : null;
    Predicate<Map<String, Object>> filter = clause == null ? u -> true : clause.test();
    List<Map<String, Object>> matches =
        candidates(clause).stream()
            .map(this::userProperties)
            .filter(filter)
            .map(u -> project(u, select))
            .toList();
    sendCollection(c, "users" + selectSuffix(c), matches);
  }

  private void getUser(Call c, Account account) throws IOException {
    c.require(READ_USERS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", context("users" + selectSuffix(c) + "/$entity"));
    body.putAll(project(userProperties(account), userSelection(c.query())));
    Http.json(c.ex(), 200, body);
  }

  private void manager(Call c, Account account) throws IOException {
    c.require(READ_USERS);
    String managerId = account.profile().managerId();
    Account manager = managerId == null ? null : directory().account(managerId).orElse(null);
    if (manager == null) {
      throw GraphFailure.notFound("manager");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", context("directoryObjects/$entity"));
    body.put("@odata.type", "#microsoft.graph.user");
    body.putAll(project(userProperties(manager), userSelection(c.query())));
    Http.json(c.ex(), 200, body);
  }

  /**
   * Every property Graph knows for the user, with its current value (null where the tenant holds
   * none).
   */
  private Map<String, Object> userProperties(Account a) {
    User u = a.profile();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("id", u.id());
    p.put("businessPhones", List.of());
    p.put("displayName", u.displayName());
    p.put("givenName", u.givenName());
    p.put("jobTitle", u.jobTitle());
    p.put("mail", u.mail());
    p.put("mobilePhone", null);
    p.put("officeLocation", null);
    p.put("preferredLanguage", u.preferredLanguage());
    p.put("surname", u.surname());
    p.put("userPrincipalName", u.userPrincipalName());
    p.put("accountEnabled", a.accountEnabled());
    p.put("otherMails", u.otherMails());
    p.put("proxyAddresses", u.proxyAddresses());
    p.put("department", u.department());
    p.put("companyName", null);
    p.put("employeeId", null);
    p.put("employeeType", null);
    p.put("employeeHireDate", text(u.employeeHireDate()));
    p.put("createdDateTime", text(u.createdDateTime()));
    p.put("lastPasswordChangeDateTime", text(a.lastPasswordChangeDateTime()));
    p.put(
        "signInSessionsValidFromDateTime",
        text(
            a.signInSessionsValidFromDateTime() == null
                ? u.createdDateTime()
                : a.signInSessionsValidFromDateTime()));
    p.put("mailNickname", u.userPrincipalName().substring(0, u.userPrincipalName().indexOf('@')));
    p.put("userType", "Member");
    p.put("usageLocation", null);
    p.put("onPremisesSyncEnabled", null);
    p.put("passwordPolicies", null);
    p.put("creationType", null);
    p.put("externalUserState", null);
    p.put("city", null);
    p.put("country", null);
    p.put("state", null);
    p.put("streetAddress", null);
    p.put("postalCode", null);
    p.put("ageGroup", null);
    // A directory extension only exists on the users who have a value for it.
    if (u.birthdate() != null) {
      p.put(directory().birthdateAttribute(), u.birthdate());
    }
    return p;
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  private Set<String> knownUserProperties() {
    Set<String> known = new LinkedHashSet<>();
    directory().firstAccount().ifPresent(a -> known.addAll(userProperties(a).keySet()));
    known.add(directory().birthdateAttribute());
    return known;
  }

  /**
   * The users a filter can accept, in directory order: those holding one of its literals as a
   * filterable string value, when it needs one (every address lookup does), else all. The filter
   * itself still decides; this only spares testing every user of a large (benchmark) directory.
   * Filterable values are profile properties, which Graph never changes here, so the index is built
   * once.
   */
  private List<Account> candidates(ODataFilter.Clause clause) {
    if (clause == null || clause.anyOf() == null) {
      return directory().accounts();
    }
    Map<String, List<Integer>> index = valueIndex();
    java.util.TreeSet<Integer> ordinals = new java.util.TreeSet<>();
    clause
        .anyOf()
        .forEach(
            v ->
                ordinals.addAll(
                    index.getOrDefault(v.toLowerCase(java.util.Locale.ROOT), List.of())));
    return ordinals.stream().map(i -> directory().accountAt(i)).toList();
  }

  private volatile Map<String, List<Integer>> valueIndex;

  private Map<String, List<Integer>> valueIndex() {
    Map<String, List<Integer>> index = valueIndex;
    if (index == null) {
      index = new java.util.HashMap<>();
      Set<String> filterable = filterableUserProperties().keySet();
      List<Account> all = directory().accounts();
      for (int i = 0; i < all.size(); i++) {
        for (Map.Entry<String, Object> p : userProperties(all.get(i)).entrySet()) {
          if (!filterable.contains(p.getKey())) {
            continue;
          }
          List<?> values =
              p.getValue() instanceof List<?> l
                  ? l
                  : java.util.Collections.singletonList(p.getValue());
          for (Object v : values) {
            if (v instanceof String str) {
              List<Integer> holders =
                  index.computeIfAbsent(
                      str.toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>());
              if (holders.isEmpty() || holders.get(holders.size() - 1) != i) {
                holders.add(i);
              }
            }
          }
        }
      }
      valueIndex = index;
    }
    return index;
  }

  private Map<String, ODataFilter.Kind> filterableUserProperties() {
    Map<String, ODataFilter.Kind> kinds = new LinkedHashMap<>();
    for (String p : FILTERABLE_USER_PROPERTIES) {
      kinds.put(
          p,
          BOOLEAN_USER_PROPERTIES.contains(p)
              ? ODataFilter.Kind.BOOLEAN
              : COLLECTION_USER_PROPERTIES.contains(p)
                  ? ODataFilter.Kind.STRING_COLLECTION
                  : ODataFilter.Kind.STRING);
    }
    kinds.put(directory().birthdateAttribute(), ODataFilter.Kind.STRING);
    return kinds;
  }

  private List<String> userSelection(Map<String, String> query) {
    return selection(query, knownUserProperties(), "microsoft.graph.user", DEFAULT_USER_PROPERTIES);
  }

  /**
   * The properties to return, spelled as Graph spells them (Graph matches $select names without
   * regard to case). An unknown name is Graph's 400; without $select, the type's default set.
   */
  private static List<String> selection(
      Map<String, String> query, Set<String> known, String typeName, List<String> defaults) {
    String select = query.get("select");
    if (select == null || select.isBlank()) {
      return defaults;
    }
    Map<String, String> canonical =
        known.stream()
            .collect(Collectors.toMap(k -> k.toLowerCase(Locale.ROOT), k -> k, (a, b) -> a));
    List<String> out = new ArrayList<>();
    for (String raw : select.split(",")) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      String property = canonical.get(name.toLowerCase(Locale.ROOT));
      if (property == null) {
        throw GraphFailure.badRequest(
            "Could not find a property named '" + name + "' on type '" + typeName + "'.");
      }
      if (!out.contains(property)) {
        out.add(property);
      }
    }
    return out;
  }

  private static String selectSuffix(Call c) {
    String select = c.query().get("select");
    return select == null || select.isBlank() ? "" : "(" + select.replace(" ", "") + ")";
  }

  /**
   * Keeps the selected properties; a selected property the object does not have (an extension) is
   * left out.
   */
  private static Map<String, Object> project(Map<String, Object> all, List<String> select) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (all.containsKey("@odata.type")) {
      out.put("@odata.type", all.get("@odata.type"));
    }
    for (String p : select) {
      if (all.containsKey(p)) {
        out.put(p, all.get(p));
      }
    }
    return out;
  }

  /**
   * A collection with $top and $count=true; Graph refuses $count without the advanced-query header.
   */
  private void sendCollection(Call c, String contextFragment, List<Map<String, Object>> items)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", context(contextFragment));
    boolean count = "true".equalsIgnoreCase(c.query().get("count"));
    if (count
        && !"eventual".equalsIgnoreCase(c.ex().getRequestHeaders().getFirst("ConsistencyLevel"))) {
      throw GraphFailure.requestBadRequest("$count is not currently supported.");
    }
    List<Map<String, Object>> page = items;
    String top = c.query().get("top");
    if (top != null) {
      int size = pageSize(top);
      page = items.subList(0, Math.min(size, items.size()));
    }
    if (count) {
      body.put("@odata.count", items.size());
    }
    body.put("value", page);
    Http.json(c.ex(), 200, body);
  }

  private static int pageSize(String top) {
    try {
      int size = Integer.parseInt(top.trim());
      if (size >= 1 && size <= MAX_PAGE_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below, as Graph does for any page size it cannot use
    }
    throw GraphFailure.requestBadRequest(
        "Invalid page size specified: '"
            + top
            + "'. Must be between 1 and "
            + MAX_PAGE_SIZE
            + " inclusive.");
  }

  // ---- PATCH /users/{id} ----

  private void patchUser(Call c, Account account) throws IOException {
    Map<String, Object> body = jsonBody(c.ex());
    Map<String, Object> passwordProfile = null;
    Boolean accountEnabled = null;
    for (Map.Entry<String, Object> e : body.entrySet()) {
      String property = e.getKey();
      if (property.startsWith("@odata.")) {
        continue;
      }
      switch (property) {
        case "passwordProfile" -> {
          c.require(WRITE_PASSWORD);
          if (!(e.getValue() instanceof Map<?, ?>)) {
            throw GraphFailure.requestBadRequest(
                "Invalid value specified for property 'passwordProfile' of resource 'User'.");
          }
          passwordProfile = Json.obj(e.getValue());
        }
        case "accountEnabled" -> {
          c.require(ENABLE_DISABLE);
          if (!(e.getValue() instanceof Boolean b)) {
            throw GraphFailure.requestBadRequest(
                "Invalid value specified for property 'accountEnabled' of resource 'User'.");
          }
          accountEnabled = b;
        }
        default -> {
          if (!WRITABLE_WITH_USER_READWRITE.contains(property)) {
            throw GraphFailure.requestBadRequest(
                "Property '"
                    + property
                    + "' does not exist as a declared property or extension property.");
          }
          c.require(WRITE_USERS);
          throw GraphFailure.notInSandbox("updating '" + property + "'");
        }
      }
    }
    if (passwordProfile == null && accountEnabled == null) {
      throw GraphFailure.badRequest("Empty Payload. JSON content expected.");
    }
    // The portal's service principal holds User Administrator; Entra keeps admins' sensitive
    // properties
    // for higher roles, whatever the app permission says.
    if (directory().holdsDirectoryRole(account.id())) {
      throw GraphFailure.forbidden();
    }
    String password = passwordProfile == null ? null : passwordOf(passwordProfile);
    if (passwordProfile != null && !EntraPasswordPolicy.complies(account.profile(), password)) {
      throw GraphFailure.requestBadRequest(EntraPasswordPolicy.REFUSAL);
    }
    if (passwordProfile != null) {
      directory()
          .setPassword(
              account.id(),
              password,
              Boolean.TRUE.equals(passwordProfile.get("forceChangePasswordNextSignIn")),
              Boolean.TRUE.equals(passwordProfile.get("forceChangePasswordNextSignInWithMfa")));
    }
    if (accountEnabled != null) {
      directory().setAccountEnabled(account.id(), accountEnabled);
    }
    Http.empty(c.ex(), 204);
  }

  private static String passwordOf(Map<String, Object> passwordProfile) {
    if (!(passwordProfile.get("password") instanceof String p)) {
      throw GraphFailure.requestBadRequest(
          "Invalid value specified for property 'password' of resource 'PasswordProfile'.");
    }
    return p;
  }

  private static Map<String, Object> jsonBody(HttpExchange ex) throws IOException {
    String text = Http.body(ex);
    if (text.isBlank()) {
      throw GraphFailure.badRequest("Empty Payload. JSON content expected.");
    }
    try {
      return Json.parseObject(text);
    } catch (IllegalArgumentException e) {
      throw GraphFailure.badRequest("Invalid request body: a JSON object was expected.");
    }
  }

  // ---- membership ----

  private void memberOf(Call c, Account account, String navigation) throws IOException {
    c.require(READ_USERS);
    List<String> select =
        selection(
            c.query(),
            Set.copyOf(MEMBERSHIP_PROPERTIES),
            "microsoft.graph.directoryObject",
            MEMBERSHIP_PROPERTIES);
    List<Map<String, Object>> items =
        directory().memberOf(account.id()).stream()
            .map(m -> project(membership(m, c), select))
            .toList();
    sendCollection(c, "directoryObjects" + selectSuffix(c), items);
  }

  /**
   * A group or role as Graph lists it. Without the permission to read that type, Graph still lists
   * the object but with only its type and id; every other property is null.
   */
  private static Map<String, Object> membership(Membership m, Call c) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m instanceof Group g) {
      boolean readable = c.holds(READ_GROUPS);
      out.put("@odata.type", "#microsoft.graph.group");
      out.put("id", g.id());
      out.put("displayName", readable ? g.displayName() : null);
      out.put("description", readable ? g.description() : null);
      out.put("securityEnabled", readable ? Boolean.TRUE : null);
      out.put("mailEnabled", readable ? Boolean.FALSE : null);
      out.put("groupTypes", readable ? List.of() : null);
    } else if (m instanceof DirectoryRole r) {
      boolean readable = c.holds(READ_ROLES);
      out.put("@odata.type", "#microsoft.graph.directoryRole");
      out.put("id", r.id());
      out.put("displayName", readable ? r.displayName() : null);
      out.put("description", null);
      out.put("roleTemplateId", readable ? r.roleTemplateId() : null);
    }
    return out;
  }

  // ---- authentication methods ----

  private void authentication(Call c, Account account, List<String> rest) throws IOException {
    if (rest.isEmpty() || rest.size() > 2) {
      throw GraphFailure.segmentNotFound(rest.isEmpty() ? "authentication" : rest.get(2));
    }
    String collection = rest.get(0);
    String methodId = rest.size() == 2 ? rest.get(1) : null;
    String base = "users('" + account.id() + "')/authentication/" + collection;
    if ("methods".equals(collection)) {
      onlyMethod(c, "GET");
      c.require(READ_METHODS);
      if (methodId == null) {
        sendCollection(c, base, account.methods().stream().map(GraphApi::methodJson).toList());
      } else {
        sendMethod(c, base, findMethod(account.methods(), null, methodId));
      }
      return;
    }
    AuthMethodType type =
        AuthMethodType.byCollection(collection)
            .orElseThrow(() -> GraphFailure.segmentNotFound(collection));
    if (methodId == null) {
      switch (c.method()) {
        case "GET" -> {
          c.require(READ_METHODS);
          sendCollection(
              c,
              base,
              account.methods().stream()
                  .filter(m -> m.type() == type)
                  .map(GraphApi::methodJson)
                  .toList());
        }
        case "POST" -> {
          if (type != AuthMethodType.TEMPORARY_ACCESS_PASS) {
            throw GraphFailure.notInSandbox("registering " + collection);
          }
          c.require(WRITE_METHODS);
          createTemporaryAccessPass(c, account, base);
        }
        default -> throw GraphFailure.methodNotAllowed();
      }
      return;
    }
    switch (c.method()) {
      case "GET" -> {
        c.require(READ_METHODS);
        sendMethod(c, base, findMethod(account.methods(), type, methodId));
      }
      case "DELETE" -> {
        if (!type.deletable()) {
          throw GraphFailure.methodNotAllowed();
        }
        c.require(WRITE_METHODS);
        switch (directory().deleteMethod(account.id(), type, methodId)) {
          case DELETED -> Http.empty(c.ex(), 204);
          case NOT_FOUND -> throw GraphFailure.notFound(methodId);
          case ALTERNATE_MOBILE_FIRST ->
              throw GraphFailure.badRequest(
                  "The mobile phone method cannot be deleted while an alternate mobile phone method is registered.");
        }
      }
      default -> throw GraphFailure.methodNotAllowed();
    }
  }

  private static AuthMethod findMethod(List<AuthMethod> methods, AuthMethodType type, String id) {
    return methods.stream()
        .filter(m -> (type == null || m.type() == type) && m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> GraphFailure.notFound(id));
  }

  private void sendMethod(Call c, String base, AuthMethod m) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", context(base + "/$entity"));
    body.putAll(methodJson(m));
    Http.json(c.ex(), 200, body);
  }

  private static Map<String, Object> methodJson(AuthMethod m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@odata.type", m.type().odataType());
    out.put("id", m.id());
    out.putAll(m.properties());
    return out;
  }

  private void createTemporaryAccessPass(Call c, Account account, String base) throws IOException {
    Map<String, Object> body = jsonBody(c.ex());
    Instant start = null;
    if (body.get("startDateTime") != null) {
      try {
        start = Instant.parse(String.valueOf(body.get("startDateTime")));
      } catch (DateTimeParseException e) {
        throw GraphFailure.badRequest("Invalid value specified for property 'startDateTime'.");
      }
    }
    int lifetime = TAP_DEFAULT_MINUTES;
    if (body.get("lifetimeInMinutes") != null) {
      if (!(body.get("lifetimeInMinutes") instanceof Number n)
          || n.intValue() < TAP_MIN_MINUTES
          || n.intValue() > TAP_MAX_MINUTES) {
        throw GraphFailure.badRequest(
            "The lifetimeInMinutes must be between "
                + TAP_MIN_MINUTES
                + " and "
                + TAP_MAX_MINUTES
                + " minutes.");
      }
      lifetime = n.intValue();
    }
    Object once = body.get("isUsableOnce");
    if (once != null && !(once instanceof Boolean)) {
      throw GraphFailure.badRequest("Invalid value specified for property 'isUsableOnce'.");
    }
    Directory.IssuedPass issued =
        directory()
            .createTemporaryAccessPass(account.id(), start, lifetime, Boolean.TRUE.equals(once));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("@odata.context", context(base + "/$entity"));
    out.putAll(methodJson(issued.method()));
    out.put("temporaryAccessPass", issued.pass());
    Http.json(c.ex(), 201, out);
  }

  // ---- $batch ----

  /**
   * JSON batching: each step runs through {@link #handle} like a direct call (so it counts, can be
   * throttled on its own and is authorized on its own), in order; a step whose dependency failed
   * gets 424.
   */
  private void batch(Call c) throws IOException {
    onlyMethod(c, "POST");
    List<Object> requests;
    try {
      requests = Json.list(Json.parseObject(Http.body(c.ex())).get("requests"));
    } catch (IllegalArgumentException e) {
      throw GraphFailure.badRequest("Invalid batch payload format.");
    }
    if (requests.isEmpty()) {
      throw GraphFailure.badRequest("Invalid batch payload format.");
    }
    if (requests.size() > MAX_BATCH_REQUESTS) {
      throw GraphFailure.badRequest(
          "The number of batch requests exceeds the limit of " + MAX_BATCH_REQUESTS + ".");
    }
    List<Map<String, Object>> steps = validateSteps(requests);
    Map<String, Integer> statusById = new HashMap<>();
    List<Map<String, Object>> responses = new ArrayList<>();
    for (Map<String, Object> step : steps) {
      String id = (String) step.get("id");
      boolean dependencyFailed =
          Json.list(step.get("dependsOn")).stream()
              .anyMatch(d -> statusById.get(String.valueOf(d)) >= 400);
      Map<String, Object> response =
          dependencyFailed ? failedDependency(id) : runStep(c.ex(), step);
      statusById.put(id, (Integer) response.get("status"));
      responses.add(response);
    }
    Http.json(c.ex(), 200, Json.of("responses", responses));
  }

  private static List<Map<String, Object>> validateSteps(List<Object> requests) {
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Object o : requests) {
      Map<String, Object> step = Json.obj(o);
      if (!(step.get("id") instanceof String id)
          || !(step.get("method") instanceof String)
          || !(step.get("url") instanceof String)
          || !seen.add(id)) {
        throw GraphFailure.badRequest("Invalid batch payload format.");
      }
      for (Object dependency : Json.list(step.get("dependsOn"))) {
        // steps run in the order given, so a dependency must come earlier
        if (!seen.contains(String.valueOf(dependency)) || id.equals(dependency)) {
          throw GraphFailure.badRequest(
              "Invalid batch payload format: dependsOn '"
                  + dependency
                  + "' does not name an earlier request.");
        }
      }
      steps.add(step);
    }
    return steps;
  }

  private Map<String, Object> runStep(HttpExchange outer, Map<String, Object> step)
      throws IOException {
    String id = (String) step.get("id");
    Headers headers = new Headers();
    Json.obj(step.get("headers")).forEach((k, v) -> headers.add(k, String.valueOf(v)));
    byte[] body = new byte[0];
    if (step.get("body") != null) {
      if (headers.getFirst("Content-Type") == null) {
        return stepResponse(
            id,
            400,
            Map.of(),
            Json.of(
                "error",
                Json.of(
                    "code",
                    "BadRequest",
                    "message",
                    "Content-Type header is required when a body is present.")));
      }
      Object b = step.get("body");
      body = (b instanceof String s ? s : Json.write(b)).getBytes(StandardCharsets.UTF_8);
    }
    // Graph authenticates the batch once; each step carries the caller's token.
    String authorization = outer.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      headers.set("Authorization", authorization);
    }
    String url = stepPath((String) step.get("url"));
    if (url == null) {
      return stepResponse(
          id,
          400,
          Map.of(),
          Json.of(
              "error",
              Json.of(
                  "code",
                  "BadRequest",
                  "message",
                  "The url of a batch request must be relative to the version, such as '/users'.")));
    }
    BatchExchange inner;
    try {
      inner =
          new BatchExchange(
              outer,
              ((String) step.get("method")).toUpperCase(Locale.ROOT),
              URI.create(MOUNT + url),
              headers,
              body);
    } catch (IllegalArgumentException e) {
      return stepResponse(
          id,
          400,
          Map.of(),
          Json.of(
              "error",
              Json.of(
                  "code",
                  "BadRequest",
                  "message",
                  "Invalid request URL '" + step.get("url") + "'.")));
    }
    try {
      handle(inner);
    } catch (RuntimeException e) {
      return stepResponse(
          id,
          500,
          Map.of(),
          Json.of(
              "error", Json.of("code", "InternalServerError", "message", "sandbox error: " + e)));
    }
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    inner.getResponseHeaders().forEach((k, v) -> responseHeaders.put(headerName(k), v.get(0)));
    String text = inner.body();
    Object parsed = text.isEmpty() ? null : Json.parseObject(text);
    return stepResponse(id, inner.status(), responseHeaders, parsed);
  }

  /**
   * The step's path below the version. Graph's Java SDK drops the first five characters of the
   * request path ("/v1.0") when it writes a batch, which behind the sandbox's /graph/v1.0 mount
   * leaves "h/v1.0/users/..."; the sandbox reads that as "/users/...". An absolute URL is refused,
   * as Graph does.
   */
  private static String stepPath(String url) {
    if (url.startsWith("http:") || url.startsWith("https:")) {
      return null;
    }
    if (url.startsWith("/")) {
      return url;
    }
    int version = url.indexOf("/v1.0/");
    return version >= 0 ? url.substring(version + "/v1.0".length()) : "/" + url;
  }

  /**
   * The JDK server keeps header names as "Retry-after"; a batch answer spells them as Graph does.
   */
  private static String headerName(String name) {
    return Arrays.stream(name.split("-", -1))
        .map(
            part ->
                part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1))
        .collect(Collectors.joining("-"));
  }

  private static Map<String, Object> failedDependency(String id) {
    return stepResponse(
        id,
        424,
        Map.of(),
        Json.of(
            "error",
            Json.of(
                "code",
                "FailedDependency",
                "message",
                "A request this request depends on failed.")));
  }

  private static Map<String, Object> stepResponse(
      String id, int status, Map<String, String> headers, Object body) {
    Map<String, Object> out = Json.of("id", id, "status", status, "headers", headers);
    if (body != null) {
      out.put("body", body);
    }
    return out;
  }
}
