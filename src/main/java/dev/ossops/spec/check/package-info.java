/**
 * The profile checks that need more than one value: combinations, cross-references and likely mistakes, run after
 * the structural checks of {@code spec.schema}.
 */
package dev.ossops.spec.check;
