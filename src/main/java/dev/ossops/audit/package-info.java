/** Checks over live state to Findings; text, JSON and SARIF reporters. */
package dev.ossops.audit;
