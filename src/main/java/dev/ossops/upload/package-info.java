/** The uploader: key layout, multipart with resume, presigned URLs, STS vending, post policies, downloads. */
package dev.ossops.upload;
