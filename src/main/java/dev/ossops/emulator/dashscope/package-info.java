/**
 * The DashScope (Model Studio) temporary-storage policy endpoint, {@code GET /api/v1/uploads?action=getPolicy},
 * served on the emulator's port: API-key check, per-model size limits, the per key and model rate
 * limit, and a V1 PostObject policy for a system bucket that the emulator's own PostObject accepts.
 */
package dev.ossops.emulator.dashscope;
