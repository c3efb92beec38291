package io.recoveryportal.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox tenant's directory, seeded from config/sandbox/directory.json and kept in memory.
 * Graph reads and writes it; tests read it to check what Graph did. Every method is synchronized on
 * the directory, so a Graph write (delete a method, set a password) is atomic with the rule it
 * checks.
 */
public final class Directory {

  /** Graph's fixed ids for the password method and for each phone type. */
  static final String PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

  static final Map<String, String> PHONE_METHOD_IDS =
      Map.of(
          "mobile", "3179e48a-750b-4051-897c-87b9720928f7",
          "alternateMobile", "b6332ec1-7057-4abe-9331-3d72feddfe41",
          "office", "e37fc753-ff3b-4958-9484-eaa9425c82bc");

  private static final Pattern RELATIVE_DAYS = Pattern.compile("^\\+(\\d+)d$");
  private static final String TAP_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+-!@#$%&*?";
  private static final int TAP_LENGTH = 8;

  /** A person's directory profile: what the seed says and Graph never changes. */
  public record User(
      String id,
      String userPrincipalName,
      String mail,
      List<String> otherMails,
      List<String> proxyAddresses,
      String givenName,
      String surname,
      String displayName,
      String department,
      String jobTitle,
      String managerId,
      Instant createdDateTime,
      Instant employeeHireDate,
      String birthdate,
      List<String> memberOf,
      List<String> appRoles,
      Map<String, Object> document,
      String note,
      String preferredLanguage) {

    User withManager(String newManagerId) {
      return new User(
          id,
          userPrincipalName,
          mail,
          otherMails,
          proxyAddresses,
          givenName,
          surname,
          displayName,
          department,
          jobTitle,
          newManagerId,
          createdDateTime,
          employeeHireDate,
          birthdate,
          memberOf,
          appRoles,
          document,
          note,
          preferredLanguage);
    }
  }

  /**
   * A user as of now: the profile plus everything Graph writes. {@code lastPasswordSet} is null
   * until a reset.
   */
  public record Account(
      User profile,
      boolean accountEnabled,
      Instant lastPasswordChangeDateTime,
      PasswordSet lastPasswordSet,
      Instant signInSessionsValidFromDateTime,
      List<AuthMethod> methods) {

    public String id() {
      return profile.id();
    }
  }

  /**
   * A registered method; {@code properties} are its Graph properties other than id and @odata.type.
   */
  public record AuthMethod(String id, AuthMethodType type, Map<String, Object> properties) {}

  /** A password set through Graph (sandbox only: real Entra never gives a password back). */
  public record PasswordSet(
      String password,
      boolean forceChangePasswordNextSignIn,
      boolean forceChangePasswordNextSignInWithMfa,
      Instant at) {

    @Override
    public String toString() {
      return "PasswordSet[forceChange="
          + forceChangePasswordNextSignIn
          + ", withMfa="
          + forceChangePasswordNextSignInWithMfa
          + ", at="
          + at
          + "]";
    }
  }

  /** A temporary access pass just issued: the method as Graph lists it and the pass, shown once. */
  public record IssuedPass(AuthMethod method, String pass) {}

  /** Something a user is a member of: a group or a directory role. */
  public sealed interface Membership permits Group, DirectoryRole {
    String id();
  }

  public record Group(String id, String displayName, String description) implements Membership {}

  public record DirectoryRole(String id, String roleTemplateId, String displayName)
      implements Membership {}

  public enum Operation {
    SET_PASSWORD,
    SET_ACCOUNT_ENABLED,
    DELETE_METHOD,
    CREATE_TEMPORARY_ACCESS_PASS,
    REVOKE_SIGN_IN_SESSIONS
  }

  /** One Graph write; {@code detail} says which method type, or the new value of accountEnabled. */
  public record WriteOp(String userId, Operation operation, String detail, Instant at) {}

  public enum Deletion {
    DELETED,
    NOT_FOUND,
    ALTERNATE_MOBILE_FIRST
  }

  /** One line of the launcher's printout of demo people. */
  public record DemoEmployee(String displayName, String userPrincipalName, String note) {}

  private final Map<String, Object> seed;
  private final Map<String, Membership> memberships = new LinkedHashMap<>();
  private final Map<String, MutableAccount> accounts = new LinkedHashMap<>();

  /**
   * The same accounts by lower-cased userPrincipalName, and in seed order: a benchmark directory
   * has thousands.
   */
  private final Map<String, MutableAccount> byUpn = new java.util.HashMap<>();

  private final List<MutableAccount> ordered = new ArrayList<>();
  private final Map<String, String> temporaryAccessPasses = new LinkedHashMap<>();
  private final List<WriteOp> writes = new ArrayList<>();
  private final AtomicLong graphCalls = new AtomicLong();
  private final SecureRandom random = new SecureRandom();

  private static final class MutableAccount {
    User profile;
    boolean accountEnabled;
    Instant lastPasswordChange;
    PasswordSet lastPasswordSet;
    Instant sessionsValidFrom;
    final List<AuthMethod> methods = new ArrayList<>();

    MutableAccount(User profile) {
      this.profile = profile;
    }

    Account snapshot() {
      return new Account(
          profile,
          accountEnabled,
          lastPasswordChange,
          lastPasswordSet,
          sessionsValidFrom,
          List.copyOf(methods));
    }
  }

  /**
   * How many of the seed's users are the demo tenant's own (the rest are generated for the
   * benchmark).
   */
  private final int demoUsers;

  private Directory(Map<String, Object> seed, int demoUsers) {
    this.seed = seed;
    this.demoUsers = demoUsers;
    reset();
  }

  /**
   * The demo tenant's own users, without generated benchmark employees: what pages listing people
   * show.
   */
  public int demoUserCount() {
    return demoUsers;
  }

  public static Directory load(Path file) {
    return load(file, 0);
  }

  /**
   * The seed plus {@code benchmarkEmployees} generated ones ({@link #benchmarkAddress}), for the
   * flow benchmark.
   */
  public static Directory load(Path file, int benchmarkEmployees) {
    Map<String, Object> seed;
    try {
      seed = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sandbox directory seed " + file, e);
    }
    int demo = Json.list(seed.get("users")).size();
    if (benchmarkEmployees > 0) {
      Map<String, Object> withGenerated = new LinkedHashMap<>(seed);
      List<Object> users = new ArrayList<>(Json.list(seed.get("users")));
      for (int i = 0; i < benchmarkEmployees; i++) {
        users.add(benchmarkEmployee(i));
      }
      withGenerated.put("users", users);
      seed = withGenerated;
    }
    return new Directory(seed, demo);
  }

  private static final List<String> BENCHMARK_GIVEN_NAMES =
      List.of(
          "Alex", "Maria", "John", "Sara", "David", "Laura", "Peter", "Anna", "Mark", "Emma",
          "Paul", "Julia", "Tom", "Nina", "Adam", "Eva");
  private static final List<String> BENCHMARK_SURNAMES =
      List.of(
          "Berg", "Cole", "Dunn", "Ford", "Grant", "Hale", "Irwin", "Lane", "Moss", "Nash", "Price",
          "Reed", "Shaw", "Todd", "Vale", "Ward", "Young");

  /**
   * One generated employee in this many is disabled: the benchmark's addresses that must not be
   * recovered.
   */
  public static final int BENCHMARK_DISABLED_EVERY = 20;

  /** The work address of generated employee {@code i} (0-based). */
  public static String benchmarkAddress(int i) {
    return String.format(Locale.ROOT, "bench.%06d@contoso.com", i);
  }

  /** Whether generated employee {@code i} is disabled (self-service must refuse it, as a decoy). */
  public static boolean benchmarkDisabled(int i) {
    return i % BENCHMARK_DISABLED_EVERY == BENCHMARK_DISABLED_EVERY - 1;
  }

  /**
   * A plain employee whose document matches: a password, the Authenticator and a mobile phone
   * registered, a birthdate, no groups. Names repeat across employees, as in a real company;
   * addresses and ids do not.
   */
  private static Map<String, Object> benchmarkEmployee(int i) {
    String given = BENCHMARK_GIVEN_NAMES.get(i % BENCHMARK_GIVEN_NAMES.size());
    String surname =
        BENCHMARK_SURNAMES.get((i / BENCHMARK_GIVEN_NAMES.size()) % BENCHMARK_SURNAMES.size());
    // 1971 to 1998: never a placeholder birthdate such as 1970-01-01, which sends a clean match to
    // review
    String birthdate = LocalDate.of(1971, 1, 1).plusDays(i % 10_000L).toString();
    Map<String, Object> u = new LinkedHashMap<>();
    u.put(
        "id",
        UUID.nameUUIDFromBytes(("benchmark/" + i).getBytes(StandardCharsets.UTF_8)).toString());
    u.put("userPrincipalName", benchmarkAddress(i));
    u.put("mail", benchmarkAddress(i));
    u.put("givenName", given);
    u.put("surname", surname);
    u.put("displayName", given + " " + surname);
    u.put("accountEnabled", !benchmarkDisabled(i));
    u.put("department", "Operations");
    u.put("jobTitle", "Analyst");
    u.put("createdDateTime", "2024-01-08T09:00:00Z");
    u.put("otherMails", List.of());
    u.put("proxyAddresses", List.of("SMTP:" + benchmarkAddress(i)));
    u.put("memberOf", List.of());
    u.put(
        "authenticationMethods",
        List.of(
            Map.of("type", "password"),
            Map.of("type", "microsoftAuthenticator", "displayName", "Phone"),
            Map.of("type", "phone", "phoneType", "mobile", "phoneNumber", "+1 555 0199")));
    u.put(
        "document",
        Map.of(
            "name",
            (given + " " + surname).toUpperCase(Locale.ROOT),
            "givenName",
            given.toUpperCase(Locale.ROOT),
            "familyName",
            surname.toUpperCase(Locale.ROOT),
            "birthdate",
            birthdate));
    u.put("birthdate", birthdate);
    u.put("note", "Generated for the flow benchmark.");
    return u;
  }

  public String tenantId() {
    return (String) seed.get("tenantId");
  }

  public String appId() {
    return (String) Json.obj(seed.get("application")).get("appId");
  }

  /**
   * The directory extension attribute holding the birthdate: extension_{appId without
   * hyphens}_{name}.
   */
  public String birthdateAttribute() {
    return "extension_" + appId().replace("-", "") + "_" + seed.get("birthdateExtension");
  }

  /** The seed's users, as raw maps. */
  public List<Object> seedUsers() {
    return Json.list(seed.get("users"));
  }

  /** Back to the seed: profiles, methods, passwords, the write log and the call counter. */
  public synchronized void reset() {
    memberships.clear();
    for (Object o : Json.list(seed.get("groups"))) {
      Map<String, Object> g = Json.obj(o);
      memberships.put(
          str(g, "id"), new Group(str(g, "id"), str(g, "displayName"), str(g, "description")));
    }
    for (Object o : Json.list(seed.get("directoryRoles"))) {
      Map<String, Object> r = Json.obj(o);
      memberships.put(
          str(r, "id"),
          new DirectoryRole(str(r, "id"), str(r, "roleTemplateId"), str(r, "displayName")));
    }
    accounts.clear();
    byUpn.clear();
    ordered.clear();
    for (Object o : seedUsers()) {
      MutableAccount a = accountFromSeed(Json.obj(o));
      accounts.put(a.profile.id(), a);
      byUpn.putIfAbsent(a.profile.userPrincipalName().toLowerCase(Locale.ROOT), a);
      ordered.add(a);
    }
    temporaryAccessPasses.clear();
    writes.clear();
    graphCalls.set(0);
  }

  private static MutableAccount accountFromSeed(Map<String, Object> u) {
    Instant created = Instant.parse(str(u, "createdDateTime"));
    User profile =
        new User(
            str(u, "id"),
            str(u, "userPrincipalName"),
            str(u, "mail"),
            strings(u, "otherMails"),
            strings(u, "proxyAddresses"),
            str(u, "givenName"),
            str(u, "surname"),
            str(u, "displayName"),
            str(u, "department"),
            str(u, "jobTitle"),
            str(u, "managerId"),
            created,
            hireDate(str(u, "employeeHireDate")),
            str(u, "birthdate"),
            strings(u, "memberOf"),
            strings(u, "appRoles"),
            Map.copyOf(Json.obj(u.get("document"))),
            str(u, "note"),
            str(u, "preferredLanguage"));
    MutableAccount a = new MutableAccount(profile);
    a.accountEnabled = Boolean.TRUE.equals(u.get("accountEnabled"));
    // Entra reports the creation time for an account whose password never changed.
    String changed = str(u, "lastPasswordChangeDateTime");
    a.lastPasswordChange = changed == null ? created : Instant.parse(changed);
    List<Object> seededMethods = Json.list(u.get("authenticationMethods"));
    for (int i = 0; i < seededMethods.size(); i++) {
      Map<String, Object> m = Json.obj(seededMethods.get(i));
      AuthMethodType type =
          AuthMethodType.bySeedName(str(m, "type"))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown method type in seed: " + m.get("type")));
      Map<String, Object> props =
          defaultProperties(type, type == AuthMethodType.PASSWORD ? a.lastPasswordChange : created);
      m.forEach(
          (k, v) -> {
            if (!"type".equals(k)) {
              props.put(k, v);
            }
          });
      a.methods.add(
          new AuthMethod(seededMethodId(profile.id(), type, props, i), type, nullSafe(props)));
    }
    return a;
  }

  /**
   * Phone and password ids are fixed by Graph; the others are derived from the seed so they survive
   * a reset.
   */
  private static String seededMethodId(
      String userId, AuthMethodType type, Map<String, Object> props, int index) {
    return switch (type) {
      case PASSWORD -> PASSWORD_METHOD_ID;
      case PHONE -> PHONE_METHOD_IDS.get(String.valueOf(props.get("phoneType")));
      default ->
          UUID.nameUUIDFromBytes(
                  (userId + "/" + type.seedName() + "/" + index).getBytes(StandardCharsets.UTF_8))
              .toString();
    };
  }

  /** The properties Graph shows for each type, before the seed's own values are laid over them. */
  private static Map<String, Object> defaultProperties(AuthMethodType type, Instant created) {
    Map<String, Object> p = new LinkedHashMap<>();
    switch (type) {
      case PASSWORD -> {
        p.put("password", null);
        p.put("createdDateTime", created.toString());
      }
      case PHONE -> p.put("smsSignInState", "notSupported");
      case MICROSOFT_AUTHENTICATOR -> {
        p.put("displayName", null);
        p.put("deviceTag", "SoftwareTokenActivated");
        p.put("phoneAppVersion", "6.2409.6232");
        p.put("createdDateTime", created.toString());
      }
      case EMAIL -> p.put("emailAddress", null);
      case FIDO2 -> {
        p.put("displayName", "Security key");
        p.put("createdDateTime", created.toString());
        p.put("aaGuid", "cb69481e-8ff7-4039-93ec-0a2729a154a8");
        p.put("model", "YubiKey 5 Series");
        p.put("attestationLevel", "attested");
      }
      case SOFTWARE_OATH -> p.put("secretKey", null);
      case WINDOWS_HELLO_FOR_BUSINESS -> {
        p.put("displayName", "Laptop");
        p.put("createdDateTime", created.toString());
        p.put("keyStrength", "normal");
      }
      case TEMPORARY_ACCESS_PASS -> {
        p.put("temporaryAccessPass", null);
        p.put("createdDateTime", created.toString());
        p.put("startDateTime", created.toString());
        p.put("lifetimeInMinutes", 60);
        p.put("isUsableOnce", false);
        p.put("isUsable", false);
        p.put("methodUsabilityReason", "Expired");
      }
    }
    return p;
  }

  /**
   * Map.copyOf refuses nulls, and Graph's nulls matter: keep them as an unmodifiable LinkedHashMap.
   */
  private static Map<String, Object> nullSafe(Map<String, Object> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  private static Instant hireDate(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = RELATIVE_DAYS.matcher(value);
    if (m.matches()) {
      return LocalDate.now(ZoneOffset.UTC)
          .plusDays(Long.parseLong(m.group(1)))
          .atTime(LocalTime.of(9, 0))
          .toInstant(ZoneOffset.UTC);
    }
    return value.length() == 10
        ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
        : Instant.parse(value);
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : v.toString();
  }

  private static List<String> strings(Map<String, Object> m, String key) {
    return Json.list(m.get(key)).stream().map(String::valueOf).toList();
  }

  // ---- reads ----

  public synchronized List<Account> accounts() {
    return accounts.values().stream().map(MutableAccount::snapshot).toList();
  }

  /** The first account of the seed, if any. */
  public synchronized Optional<Account> firstAccount() {
    return ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.get(0).snapshot());
  }

  /** The account at this position of the seed (as {@link #accounts()} lists them). */
  public synchronized Account accountAt(int index) {
    return ordered.get(index).snapshot();
  }

  /**
   * By object id, or by userPrincipalName (case-insensitive), as {@code GET /users/{id | upn}}
   * resolves.
   */
  public synchronized Optional<Account> account(String idOrUpn) {
    return Optional.ofNullable(find(idOrUpn)).map(MutableAccount::snapshot);
  }

  public Optional<User> findById(String id) {
    return account(id).map(Account::profile).filter(u -> u.id().equals(id));
  }

  public Optional<User> findByUpn(String upn) {
    return account(upn)
        .map(Account::profile)
        .filter(u -> u.userPrincipalName().equalsIgnoreCase(upn));
  }

  public List<AuthMethod> methods(String userId) {
    return require(userId).methods();
  }

  public Optional<PasswordSet> lastPasswordSet(String userId) {
    return Optional.ofNullable(require(userId).lastPasswordSet());
  }

  /** The pass of the user's current temporary access pass, which Graph showed only once. */
  public synchronized Optional<String> temporaryAccessPass(String userId) {
    return Optional.ofNullable(temporaryAccessPasses.get(userId));
  }

  public synchronized List<Membership> memberOf(String userId) {
    return requireMutable(userId).profile.memberOf().stream()
        .map(memberships::get)
        .filter(Objects::nonNull)
        .toList();
  }

  public boolean holdsDirectoryRole(String userId) {
    return memberOf(userId).stream().anyMatch(m -> m instanceof DirectoryRole);
  }

  public List<DemoEmployee> demoEmployees() {
    return accounts().stream()
        .map(Account::profile)
        .map(u -> new DemoEmployee(u.displayName(), u.userPrincipalName(), u.note()))
        .toList();
  }

  public synchronized List<WriteOp> writes() {
    return List.copyOf(writes);
  }

  /** Graph requests served (each request inside a $batch counts, the $batch envelope does not). */
  public long graphCalls() {
    return graphCalls.get();
  }

  void countGraphCall() {
    graphCalls.incrementAndGet();
  }

  private Account require(String userId) {
    return account(userId)
        .orElseThrow(() -> new IllegalArgumentException("No such user: " + userId));
  }

  private MutableAccount find(String idOrUpn) {
    MutableAccount byId = accounts.get(idOrUpn);
    if (byId != null) {
      return byId;
    }
    return byUpn.get(idOrUpn.toLowerCase(Locale.ROOT));
  }

  private MutableAccount requireMutable(String userId) {
    MutableAccount a = find(userId);
    if (a == null) {
      throw new IllegalArgumentException("No such user: " + userId);
    }
    return a;
  }

  /**
   * Changes who the directory names as a user's manager (null: nobody), as an HR system would; not
   * a Graph write, so not in the write log. For tests of what depends on a manager; {@link
   * #reset()} restores the seed.
   */
  public synchronized void setManager(String userId, String managerId) {
    MutableAccount a = requireMutable(userId);
    a.profile = a.profile.withManager(managerId);
  }

  // ---- writes: each one is logged ----

  public synchronized void setPassword(
      String userId, String password, boolean forceChange, boolean forceChangeWithMfa) {
    MutableAccount a = requireMutable(userId);
    Instant now = now();
    a.lastPasswordChange = now;
    a.lastPasswordSet = new PasswordSet(password, forceChange, forceChangeWithMfa, now);
    a.methods.replaceAll(
        m ->
            m.type() == AuthMethodType.PASSWORD
                ? new AuthMethod(
                    m.id(), m.type(), nullSafe(defaultProperties(AuthMethodType.PASSWORD, now)))
                : m);
    log(a, Operation.SET_PASSWORD, forceChange ? "forceChangePasswordNextSignIn" : "");
  }

  public synchronized void setAccountEnabled(String userId, boolean enabled) {
    MutableAccount a = requireMutable(userId);
    a.accountEnabled = enabled;
    log(a, Operation.SET_ACCOUNT_ENABLED, Boolean.toString(enabled));
  }

  /**
   * Deletes a method of the given type; Entra keeps a mobile phone while an alternate mobile
   * depends on it.
   */
  public synchronized Deletion deleteMethod(String userId, AuthMethodType type, String methodId) {
    MutableAccount a = requireMutable(userId);
    AuthMethod target =
        a.methods.stream()
            .filter(m -> m.type() == type && m.id().equals(methodId))
            .findFirst()
            .orElse(null);
    if (target == null) {
      return Deletion.NOT_FOUND;
    }
    boolean hasAlternate =
        a.methods.stream().anyMatch(m -> m.id().equals(PHONE_METHOD_IDS.get("alternateMobile")));
    if (PHONE_METHOD_IDS.get("mobile").equals(methodId) && hasAlternate) {
      return Deletion.ALTERNATE_MOBILE_FIRST;
    }
    a.methods.remove(target);
    if (type == AuthMethodType.TEMPORARY_ACCESS_PASS) {
      temporaryAccessPasses.remove(a.profile.id());
    }
    log(a, Operation.DELETE_METHOD, type.seedName());
    return Deletion.DELETED;
  }

  /**
   * Issues a temporary access pass, replacing the user's previous one: Entra keeps one per user.
   */
  public synchronized IssuedPass createTemporaryAccessPass(
      String userId, Instant start, int lifetimeMinutes, boolean usableOnce) {
    MutableAccount a = requireMutable(userId);
    Instant now = now();
    Instant effectiveStart = start == null ? now : start;
    boolean notYetValid = effectiveStart.isAfter(now);
    Map<String, Object> props = defaultProperties(AuthMethodType.TEMPORARY_ACCESS_PASS, now);
    props.put("startDateTime", effectiveStart.toString());
    props.put("lifetimeInMinutes", lifetimeMinutes);
    props.put("isUsableOnce", usableOnce);
    props.put("isUsable", !notYetValid);
    props.put("methodUsabilityReason", notYetValid ? "NotYetValid" : "EnabledByPolicy");
    AuthMethod method =
        new AuthMethod(
            UUID.randomUUID().toString(), AuthMethodType.TEMPORARY_ACCESS_PASS, nullSafe(props));
    a.methods.removeIf(m -> m.type() == AuthMethodType.TEMPORARY_ACCESS_PASS);
    a.methods.add(method);
    String pass = randomPass();
    temporaryAccessPasses.put(a.profile.id(), pass);
    log(a, Operation.CREATE_TEMPORARY_ACCESS_PASS, "");
    return new IssuedPass(method, pass);
  }

  /**
   * Invalidates refresh tokens and session cookies issued before now (Graph:
   * signInSessionsValidFromDateTime).
   */
  public synchronized Instant revokeSessions(String userId) {
    MutableAccount a = requireMutable(userId);
    a.sessionsValidFrom = now();
    log(a, Operation.REVOKE_SIGN_IN_SESSIONS, "");
    return a.sessionsValidFrom;
  }

  private String randomPass() {
    StringBuilder b = new StringBuilder(TAP_LENGTH);
    for (int i = 0; i < TAP_LENGTH; i++) {
      b.append(TAP_ALPHABET.charAt(random.nextInt(TAP_ALPHABET.length())));
    }
    return b.toString();
  }

  private void log(MutableAccount a, Operation op, String detail) {
    writes.add(new WriteOp(a.profile.id(), op, detail, now()));
  }

  /** Whole seconds, as Graph shows its timestamps. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
