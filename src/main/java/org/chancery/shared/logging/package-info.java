/**
 * How the process's console output is written (the log's lines, one per request among them), and what Spring would
 * log there as an error that is none (a rollback failing on a connection already lost), or Hibernate as a warning
 * what the code expects (a unique constraint deciding a race).
 */
package org.chancery.shared.logging;
