/**
 * The validated profile as immutable records ({@link dev.ossops.spec.model.Profile} and its parts): what the
 * planner, the apply steps and the uploader read. No parsing and no I/O here.
 */
package dev.ossops.spec.model;
