package io.recoveryportal.directory.graph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryProfile;
import io.recoveryportal.lookup.Membership;
import io.recoveryportal.lookup.WorkEmail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * {@link DirectoryAccounts} on Microsoft Graph v1.0 (application permissions User.Read.All,
 * GroupMember.Read.All and, to see role template ids, RoleManagement.Read.Directory). One Graph
 * request per lookup, per read and per page of membership. Failures come out as {@link
 * io.recoveryportal.lookup.DirectoryUnavailableException} (retry later) or {@link
 * io.recoveryportal.lookup.DirectoryRefusedException} (will not work); see {@link GraphFailures}.
 */
@ApplicationScoped
public class GraphDirectory implements DirectoryAccounts {

  private static final Logger LOG = Logger.getLogger(GraphDirectory.class.getName());

  /**
   * Graph's largest page for directory objects: one request covers nearly every account's
   * membership.
   */
  private static final int MEMBERSHIP_PAGE_SIZE = 999;

  private static final String[] MEMBERSHIP_SELECTION = {"id", "roleTemplateId"};

  /**
   * Accounts read by {@link #findById}, for {@link #findRecent}: one flow's next step, moments
   * later. Bounded in size and age, so a busy morning cannot fill the heap and nothing is kept
   * longer than a flow's pause.
   */
  private static final Duration RECENT_LIMIT = Duration.ofMinutes(15);

  private static final int RECENT_MAX = 10_000;

  private final Supplier<GraphServiceClient> graph;
  private final String birthdateAttribute;
  private final Cache<String, Read> recent =
      Caffeine.newBuilder().maximumSize(RECENT_MAX).expireAfterWrite(RECENT_LIMIT).build();

  /** An account as read, and when (System.nanoTime). */
  private record Read(DirectoryAccount account, long atNanos) {}

  /** For CDI's client proxy only. */
  protected GraphDirectory() {
    this.graph = null;
    this.birthdateAttribute = null;
  }

  @Inject
  public GraphDirectory(GraphConnection connection, PortalConfig config) {
    this(() -> connection.clients().graph(), config.required("directory.birthdate-attribute"));
  }

  /**
   * Outside CDI (tests, tools): the given clients, the name of the user attribute holding the
   * birthdate.
   */
  public GraphDirectory(GraphClients clients, String birthdateAttribute) {
    this(clients::graph, birthdateAttribute);
  }

  private GraphDirectory(Supplier<GraphServiceClient> graph, String birthdateAttribute) {
    if (birthdateAttribute == null || birthdateAttribute.isBlank()) {
      throw new IllegalArgumentException("directory.birthdate-attribute is required");
    }
    this.graph = graph;
    this.birthdateAttribute = birthdateAttribute;
  }

  @Override
  public List<DirectoryAccount> findByEmail(WorkEmail email) {
    String address = email.value();
    List<User> found =
        GraphFailures.call(
            "look up an account by address",
            () ->
                Pages.all(
                    graph
                        .get()
                        .users()
                        .get(
                            rc -> {
                              rc.queryParameters.filter = UserFilters.byAnyAddress(address);
                              rc.queryParameters.select = UserMapping.selection(birthdateAttribute);
                              // An "or" over collection properties is an advanced query for Graph.
                              rc.queryParameters.count = true;
                              rc.headers.add("ConsistencyLevel", "eventual");
                            }),
                    UserCollectionResponse::getValue,
                    UserCollectionResponse::getOdataNextLink,
                    next ->
                        graph
                            .get()
                            .users()
                            .withUrl(next)
                            .get(rc -> rc.headers.add("ConsistencyLevel", "eventual"))));
    List<User> exact = found.stream().filter(u -> UserMapping.answersTo(u, address)).toList();
    if (exact.size() != found.size()) {
      LOG.warning(
          () ->
              "Microsoft Graph returned "
                  + (found.size() - exact.size())
                  + " account(s) the address does not name exactly; ignored them. Check the lookup filter.");
    }
    return exact.stream().map(u -> UserMapping.toAccount(u, birthdateAttribute)).toList();
  }

  @Override
  public Optional<DirectoryAccount> findById(String objectId) {
    long at = System.nanoTime();
    try {
      User u =
          graph
              .get()
              .users()
              .byUserId(objectId)
              .get(rc -> rc.queryParameters.select = UserMapping.selection(birthdateAttribute));
      DirectoryAccount account = UserMapping.toAccount(u, birthdateAttribute);
      recent.put(objectId, new Read(account, at));
      return Optional.of(account);
    } catch (RuntimeException e) {
      if (GraphFailures.status(e) == 404) {
        recent.invalidate(objectId);
        return Optional.empty();
      }
      throw GraphFailures.translate("read an account", e);
    }
  }

  @Override
  public Optional<DirectoryAccount> findRecent(String objectId, Duration maxAge) {
    Read read = recent.getIfPresent(objectId);
    if (read != null && System.nanoTime() - read.atNanos() <= maxAge.toNanos()) {
      return Optional.of(read.account());
    }
    return findById(objectId);
  }

  /**
   * Two requests: the user with the profile properties, then their manager (404 when none is set).
   */
  @Override
  public Optional<DirectoryProfile> profile(String objectId) {
    User u;
    try {
      u =
          graph
              .get()
              .users()
              .byUserId(objectId)
              .get(
                  rc ->
                      rc.queryParameters.select = UserMapping.profileSelection(birthdateAttribute));
    } catch (RuntimeException e) {
      if (GraphFailures.status(e) == 404) {
        return Optional.empty();
      }
      throw GraphFailures.translate("read an account's profile", e);
    }
    User manager;
    try {
      manager =
          graph
                      .get()
                      .users()
                      .byUserId(objectId)
                      .manager()
                      .get(rc -> rc.queryParameters.select = new String[] {"id", "displayName"})
                  instanceof User m
              ? m
              : null;
    } catch (RuntimeException e) {
      if (GraphFailures.status(e) != 404) {
        throw GraphFailures.translate("read an account's manager", e);
      }
      manager = null;
    }
    return Optional.of(UserMapping.toProfile(u, manager, birthdateAttribute));
  }

  /**
   * One filtered listing ({@code accountEnabled eq false}, which Graph answers without
   * advanced-query headers), paged; the hire-date window is applied here, because a range on
   * employeeHireDate needs advanced queries that not every tenant's consistency settings allow.
   */
  @Override
  public List<NewHire> upcomingHires(
      java.time.Instant from, java.time.Instant until, String personalEmailAttribute) {
    String[] select =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(UserMapping.selection(birthdateAttribute)),
                java.util.stream.Stream.of("employeeHireDate", personalEmailAttribute))
            .distinct()
            .toArray(String[]::new);
    List<User> disabled =
        GraphFailures.call(
            "list disabled accounts",
            () ->
                Pages.all(
                    graph
                        .get()
                        .users()
                        .get(
                            rc -> {
                              rc.queryParameters.filter = "accountEnabled eq false";
                              rc.queryParameters.select = select;
                              rc.queryParameters.top = MEMBERSHIP_PAGE_SIZE;
                            }),
                    UserCollectionResponse::getValue,
                    UserCollectionResponse::getOdataNextLink,
                    next -> graph.get().users().withUrl(next).get()));
    return disabled.stream()
        .filter(u -> u.getEmployeeHireDate() != null)
        .filter(
            u ->
                !u.getEmployeeHireDate().toInstant().isBefore(from)
                    && u.getEmployeeHireDate().toInstant().isBefore(until))
        .map(
            u ->
                new NewHire(
                    UserMapping.toAccount(u, birthdateAttribute),
                    u.getEmployeeHireDate().toInstant(),
                    UserMapping.personalEmail(u, personalEmailAttribute)))
        .filter(h -> h.personalEmail() != null)
        .toList();
  }

  /**
   * Every directory role counts, whether or not its roleTemplateId came back: without
   * RoleManagement.Read.Directory Graph still lists the role, but with only its type and id, and a
   * privileged account must never pass as an ordinary one for want of a permission.
   */
  @Override
  public Membership membership(String objectId) {
    List<DirectoryObject> objects =
        GraphFailures.call(
            "read an account's membership",
            () ->
                Pages.all(
                    graph
                        .get()
                        .users()
                        .byUserId(objectId)
                        .transitiveMemberOf()
                        .get(
                            rc -> {
                              rc.queryParameters.select = MEMBERSHIP_SELECTION;
                              rc.queryParameters.top = MEMBERSHIP_PAGE_SIZE;
                            }),
                    DirectoryObjectCollectionResponse::getValue,
                    DirectoryObjectCollectionResponse::getOdataNextLink,
                    next ->
                        graph
                            .get()
                            .users()
                            .byUserId(objectId)
                            .transitiveMemberOf()
                            .withUrl(next)
                            .get()));
    int roles = 0;
    Set<String> roleTemplateIds = new HashSet<>();
    Set<String> groupIds = new HashSet<>();
    for (DirectoryObject o : objects) {
      if (o instanceof DirectoryRole role) {
        roles++;
        if (role.getRoleTemplateId() != null) {
          roleTemplateIds.add(role.getRoleTemplateId());
        }
      } else if (o instanceof Group group) {
        groupIds.add(group.getId());
      }
    }
    return new Membership(roles, roleTemplateIds, groupIds);
  }
}
