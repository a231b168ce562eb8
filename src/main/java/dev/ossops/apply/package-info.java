/** Ordered, idempotent steps that execute a Plan through the cloud gateways and verify convergence. */
package dev.ossops.apply;
