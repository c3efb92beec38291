/**
 * MicroProfile Health: liveness, and the readiness of the database and of Graph's token (Incode's
 * discovery readiness lives with the Incode adapter, which owns its protocol). May use config and
 * the Graph adapter.
 */
package io.recoveryportal.health;
