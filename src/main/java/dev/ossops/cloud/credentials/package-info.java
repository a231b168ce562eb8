/**
 * Where credentials come from (environment, the aliyun CLI's config, the ECS RAM role), never a literal in a
 * profile; errors and logs only ever name the source and a masked AccessKey id.
 */
package dev.ossops.cloud.credentials;
