/**
 * Desired + live state to a Plan of Changes; text and JSON renderers; saved plan files. Pure: no I/O, no SDK types.
 * <p>
 * The flow: {@link dev.ossops.plan.LiveQuery#reads} lists the {@link dev.ossops.plan.Address}es a profile manages;
 * the live reader (cloud side) records an {@link dev.ossops.plan.Observed} for each in a
 * {@link dev.ossops.plan.LiveState}; {@link dev.ossops.plan.Planner#plan} compares by meaning through the
 * {@link dev.ossops.plan.Normalization} table, flags {@link dev.ossops.plan.DangerRule}s and orders the
 * {@link dev.ossops.plan.Change}s by dependency; {@link dev.ossops.plan.TextRenderer} and
 * {@link dev.ossops.plan.JsonRenderer} print the {@link dev.ossops.plan.Plan}; {@link dev.ossops.plan.PlanFile}
 * saves it with fingerprints of what was read. docs/plan-format.md documents addresses and formats.
 */
package dev.ossops.plan;
