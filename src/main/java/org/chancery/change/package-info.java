/**
 * The change feed: every successful write's changes, with who made them and when, numbered in the
 * order the feed publishes them, for auditing and for clients that keep a copy in step.
 */
package org.chancery.change;
