/**
 * Import jobs: a file of a known format, checked at once and run in the background through the same
 * services and rules as every other write, with a report of what became of each of its rows.
 */
package org.chancery.imports;
