/**
 * Milestones: the planned steps of a relation, kept beside what actually happened, with a status
 * derived from the clock and the facts (R19).
 */
package org.chancery.milestone;
