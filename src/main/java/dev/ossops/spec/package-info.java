/** The profile model (immutable records), loading with source locations, validation and JSON Schema. Pure: no SDK types. */
package dev.ossops.spec;
