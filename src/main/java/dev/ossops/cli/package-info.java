/**
 * The picocli commands: each parses its options, calls one service of the packages below, renders the result and
 * maps errors to the exit codes of {@link dev.ossops.cli.ExitCodes}.
 */
package dev.ossops.cli;
