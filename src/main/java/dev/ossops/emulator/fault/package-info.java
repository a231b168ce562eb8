/**
 * Fault injection for reliability tests: a {@link dev.ossops.emulator.fault.FaultPlan} (latency,
 * SlowDown/InternalError probabilities, a QPS throttle, connection resets), decided per request by
 * {@link dev.ossops.emulator.fault.Faults} from a seeded generator so runs repeat exactly, and
 * {@link dev.ossops.emulator.fault.RequestStats}, the counters of requests per API and of parts
 * received. Pure: no HTTP; the http layer applies the decisions.
 */
package dev.ossops.emulator.fault;
