/**
 * How the process's console output is written (the log's lines, one per request among them).
 */
package org.chancery.shared.logging;
