/**
 * How the process's console output is written (the log's lines, one per request among them), and what Spring would
 * log there as an error that is none (a rollback failing on a connection already lost).
 */
package org.chancery.shared.logging;
