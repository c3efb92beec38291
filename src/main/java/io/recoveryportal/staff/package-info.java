/**
 * Staff sign-in (reviewers, helpdesk agents, admins) with their Entra accounts, and the gate in
 * front of the staff areas.
 *
 * <ul>
 *   <li>{@link io.recoveryportal.staff.StaffSignIn}: the shared OpenID Connect relying party
 *       against the portal's own app registration, plus the tenant check and the app roles.
 *   <li>{@code /staff/signin}, {@code /staff/callback}, {@code /staff/signout}: the servlets; the
 *       pending sign-in and then the {@link io.recoveryportal.staff.StaffPrincipal} live in the
 *       HTTP session, whose id changes on sign-in and which idle and absolute timeouts end.
 *   <li>{@link io.recoveryportal.staff.StaffGate}: {@code /review/*}, {@code /helpdesk/*}, {@code
 *       /admin/*} and {@code /audit/*} answer 404 unless a staff member with the area's role is
 *       signed in.
 *   <li>{@link io.recoveryportal.staff.CurrentStaff}: how pages and beans ask who is signed in.
 * </ul>
 *
 * Not Jakarta Security's OpenID mechanism: it would answer the Incode callback in the same WAR with
 * a failure, offers no PKCE, and allows one provider per application.
 */
package io.recoveryportal.staff;
