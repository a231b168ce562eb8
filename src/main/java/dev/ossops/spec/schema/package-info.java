/**
 * The shape of a profile and of the JSON documents it references, defined once: structural validation with
 * suggestions for unknown keys, and the JSON Schema that {@code ossops schema} prints from the same definition.
 */
package dev.ossops.spec.schema;
