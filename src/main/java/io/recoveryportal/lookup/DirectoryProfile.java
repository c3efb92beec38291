package io.recoveryportal.lookup;

import java.time.Instant;

/**
 * What a reviewer (or an activation) reads about an account beyond what matching needs: where the
 * person sits in the organisation and the account's own history. Any field may be null when the
 * directory does not hold it.
 *
 * @param account the account as matching sees it
 * @param department the department
 * @param jobTitle the job title
 * @param managerName the manager's display name, if the directory names a manager
 * @param managerId the manager's object id, if any
 * @param created when the account was created
 * @param lastPasswordChange when its password last changed
 * @param hireDate the employeeHireDate, if set
 */
public record DirectoryProfile(
    DirectoryAccount account,
    String department,
    String jobTitle,
    String managerName,
    String managerId,
    Instant created,
    Instant lastPasswordChange,
    Instant hireDate) {}
