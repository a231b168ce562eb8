/**
 * The emulator's STS API (version 2015-04-01): AssumeRole against a role's trust policy and
 * GetCallerIdentity, with trust decided by the shared policy evaluator; issued sessions are temporary credentials that keep the role and session
 * policy for later authorization.
 */
package dev.ossops.emulator.sts;
