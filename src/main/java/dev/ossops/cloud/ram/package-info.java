/**
 * The RAM and STS identity gateways over the official SDK and their model of policies, roles, users and
 * attachments.
 */
package dev.ossops.cloud.ram;
