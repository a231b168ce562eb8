/** RAM and bucket policy documents: parse, normalise, evaluate. Pure; shared by the emulator, audit and the minimal-policy proofs. */
package dev.ossops.policy;
