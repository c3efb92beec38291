/**
 * The Incode adapter of {@link io.recoveryportal.verification.IdentityProofing}: Incode's OpenID
 * Connect integration driven through the provider-neutral relying party in {@code
 * io.recoveryportal.oidc}, with Incode's claims ({@code auth_overall_status}, {@code identity_id},
 * the document's name and birthdate) mapped to {@link
 * io.recoveryportal.verification.VerificationResult}. Incode's claim names stay in this package.
 */
package io.recoveryportal.verification.incode;
