/** One gateway per cloud service over the official SDKs (OSS, RAM, STS, CDN), credentials and the retry layer. The only package that touches the SDKs. */
package dev.ossops.cloud;
