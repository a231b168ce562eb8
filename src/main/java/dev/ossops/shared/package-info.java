/**
 * The leaf package every layer may use (spec, policy, the emulator and the generators alike): facts about the
 * services that more than one layer must agree on, such as {@link dev.ossops.shared.PolicyGrammar} and
 * {@link dev.ossops.shared.CorsRule}. It depends on no other ossops package.
 */
package dev.ossops.shared;
