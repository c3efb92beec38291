package io.recoveryportal.lookup;

import java.util.Set;

/**
 * Directory roles (by role template id) and groups (by object id) an account holds, transitively. A
 * role whose template id could not be read is still a role: {@code directoryRoleCount} counts every
 * one.
 */
public record Membership(
    int directoryRoleCount, Set<String> roleTemplateIds, Set<String> groupIds) {

  public Membership {
    roleTemplateIds = Set.copyOf(roleTemplateIds);
    groupIds = Set.copyOf(groupIds);
  }

  public boolean holdsAnyDirectoryRole() {
    return directoryRoleCount > 0;
  }
}
