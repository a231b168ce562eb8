/**
 * What an emulator data dir holds besides the store: its random root credentials, the lock that lets one emulator
 * serve it at a time, and the record of which process serves it where.
 */
package dev.ossops.emulator.datadir;
