/**
 * The emulator's RAM API (version 2015-05-01): users, access keys, roles, policies with
 * versions, attachments and the system policies, persisted as one JSON document.
 */
package dev.ossops.emulator.ram;
