/**
 * The emulator's XML on the wire: parsing request bodies the way OSS does (malformed XML is {@code MalformedXML},
 * no DTDs or external entities) and writing response documents.
 */
package dev.ossops.emulator.xml;
