/**
 * Helpdesk-initiated verification (issue 6; seeds 000 option 02, 001 and 004): an agent with the
 * {@code Helpdesk} role sends a caller's account a verification link and follows its status live,
 * instead of trusting a voice on the phone.
 *
 * <ul>
 *   <li>The use cases, one class per step: {@link io.recoveryportal.helpdesk.HelpdeskRequests}
 *       (sending the verification link; lookup and refusals reuse self-service's eligibility:
 *       privileged, disabled, unknown and ambiguous accounts are refused, here with the reason,
 *       since the agent is staff), {@link io.recoveryportal.helpdesk.HelpdeskProgress} (following
 *       Incode's result; the verdict reuses self-service's judging on a HELPDESK attempt), {@link
 *       io.recoveryportal.helpdesk.ResetLinks} (the reset link, which reuses the reset page) and
 *       {@link io.recoveryportal.helpdesk.HelpdeskMails} (the two emails, from notification's
 *       templates).
 *   <li>{@link io.recoveryportal.helpdesk.VerificationRequests}: the port to Incode's B2B API
 *       (adapter: {@code verification.incode.IncodeB2bClient}).
 *   <li>{@link io.recoveryportal.helpdesk.HelpdeskRequest}: the agent's view of one verification,
 *       its status only ever moving forward ({@link io.recoveryportal.helpdesk.HelpdeskStatus}).
 *   <li>Pages {@code /helpdesk/index.xhtml} and {@code /helpdesk/request.xhtml} (behind the staff
 *       gate), the JSON status at {@code /helpdesk/status} that the request page's script polls,
 *       and the employee's {@code /reset-link.xhtml}.
 *   <li>{@code webhook}: Incode's session webhooks, authenticated and stored, as hints to fetch the
 *       result.
 * </ul>
 */
package io.recoveryportal.helpdesk;
