/**
 * The identity-proofing port ({@link io.recoveryportal.verification.IdentityProofing}, owned here,
 * implemented by verification.incode) and what a verification yields or why it failed. Pure types
 * and one interface.
 */
package io.recoveryportal.verification;
