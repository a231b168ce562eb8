/** {@code ossops export}: live bucket configuration written as a profile and the OSS-shaped documents it references. */
package dev.ossops.apply.export;
