/**
 * The located tree a profile is parsed into (maps, lists, scalars, each with file:line:column) and the property
 * paths that error messages name; duplicate keys are reported rather than overwritten.
 */
package dev.ossops.spec.tree;
