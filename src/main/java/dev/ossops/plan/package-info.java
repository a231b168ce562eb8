/** Desired + live state to a Plan of Changes; text and JSON renderers; saved plan files. Pure: no SDK types. */
package dev.ossops.plan;
