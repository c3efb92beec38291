package io.recoveryportal.lookup;

import java.util.Set;

/**
 * Directory roles (by role template id) and groups (by object id) an account holds, transitively. A role whose
 * template id could not be read is still a role: {@code directoryRoleCount} counts every one.
 */
public record Membership(int directoryRoleCount, Set<String> roleTemplateIds, Set<String> groupIds) {

    public Membership {
        roleTemplateIds = Set.copyOf(roleTemplateIds);
        groupIds = Set.copyOf(groupIds);
    }

    public boolean holdsAnyDirectoryRole() {
        return directoryRoleCount > 0;
    }

    /**
     * Why no self-service flow may touch this account, if it is privileged: any directory role, or membership of
     * one of {@code protectedGroups} (break-glass, executives).
     */
    public java.util.Optional<String> privilege(Set<String> protectedGroups) {
        if (holdsAnyDirectoryRole()) {
            return java.util.Optional.of("privileged: holds a directory role");
        }
        java.util.List<String> hits = groupIds.stream().filter(protectedGroups::contains).sorted().toList();
        return hits.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("privileged: member of protected group " + String.join(",", hits));
    }
}
