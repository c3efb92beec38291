package io.recoveryportal.directory.graph;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one Microsoft Graph request costs against the identity-and-access limits, by Microsoft's
 * published table ("Microsoft Graph service-specific throttling limits", identity and access
 * service limits): a base cost in resource units by method and path (GET {@code users} 2, {@code
 * transitiveMemberOf} 2, {@code checkMemberGroups} 4, …, anything else 1), one less with {@code
 * $select} or with {@code $top} under 20, one more with {@code $expand}, never below 1; and one
 * write for every POST, PATCH, PUT and DELETE. A request on {@code users/{id}/…} costs what the
 * table says for {@code me/…}.
 *
 * @param resourceUnits what the request takes from the app's resource-unit quota per tenant
 * @param writes what it takes from the app's write quota per tenant (0 or 1)
 */
record RequestCost(int resourceUnits, int writes) {

  /**
   * Base costs of the listed operations, keyed by method and the path with ids replaced by {@code
   * {id}}.
   */
  private static final Map<String, Integer> BASE =
      Map.ofEntries(
          Map.entry("GET applications", 2),
          Map.entry("GET applications/{id}/extensionProperties", 2),
          Map.entry("GET contracts", 3),
          Map.entry("POST directoryObjects/getByIds", 3),
          Map.entry("POST getObjectsById", 3),
          Map.entry("GET groups/{id}/members", 3),
          Map.entry("GET groups/{id}/transitiveMembers", 5),
          Map.entry("POST isMemberOf", 4),
          Map.entry("POST me/checkMemberGroups", 4),
          Map.entry("POST me/checkMemberObjects", 4),
          Map.entry("POST me/getMemberGroups", 2),
          Map.entry("POST me/getMemberObjects", 2),
          Map.entry("GET me/licenseDetails", 2),
          Map.entry("GET me/memberOf", 2),
          Map.entry("GET me/ownedObjects", 2),
          Map.entry("GET me/transitiveMemberOf", 2),
          Map.entry("GET oauth2PermissionGrants", 2),
          Map.entry("GET oauth2PermissionGrants/{id}", 2),
          Map.entry("GET servicePrincipals/{id}/appRoleAssignments", 2),
          Map.entry("GET subscribedSkus", 3),
          Map.entry("GET users", 2));

  private static final List<String> WRITE_METHODS = List.of("POST", "PATCH", "PUT", "DELETE");

  /**
   * @param method the HTTP method
   * @param segments the path below Graph's version root, e.g. {@code [users, 1f2e…,
   *     transitiveMemberOf]}
   * @param queryNames the query parameter names ({@code $select}, …)
   * @param top the {@code $top} value, or -1
   */
  static RequestCost of(String method, List<String> segments, List<String> queryNames, int top) {
    String verb = method.toUpperCase(Locale.ROOT);
    int cost = BASE.getOrDefault(verb + " " + shape(segments), 1);
    if (queryNames.contains("$select")) {
      cost--;
    }
    if (queryNames.contains("$expand")) {
      cost++;
    }
    if (top >= 0 && top < 20) {
      cost--;
    }
    return new RequestCost(Math.max(1, cost), WRITE_METHODS.contains(verb) ? 1 : 0);
  }

  /**
   * The path as the table writes it: ids become {@code {id}} (Graph's navigation properties,
   * actions and casts are letters, dots and {@code $} only; ids, user principal names and GUIDs are
   * not), and {@code users/{id}/x} reads as {@code me/x}.
   */
  static String shape(List<String> segments) {
    List<String> shaped =
        segments.stream().map(s -> s.matches("[A-Za-z.$]+") ? s : "{id}").toList();
    if (shaped.size() > 2 && "users".equals(shaped.get(0)) && "{id}".equals(shaped.get(1))) {
      shaped =
          java.util.stream.Stream.concat(java.util.stream.Stream.of("me"), shaped.stream().skip(2))
              .toList();
    }
    return String.join("/", shaped);
  }
}
