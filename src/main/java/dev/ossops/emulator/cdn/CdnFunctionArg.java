package dev.ossops.emulator.cdn;

/** One argument of a domain config function. */
record CdnFunctionArg(String argName, String argValue) {}
