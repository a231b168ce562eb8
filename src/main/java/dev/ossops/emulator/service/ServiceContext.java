package dev.ossops.emulator.service;

import dev.ossops.emulator.store.DiskStore;

import java.time.Clock;

/** What every OSS service stands on: the one store, the one authorizer and the emulator's clock. */
public record ServiceContext(DiskStore store, AccessControl access, Clock clock) {}
