/**
 * Observations: how two countries were represented in each other in a year, as a data set observed
 * it (the Correlates of War Diplomatic Exchange), kept beside the facts and never checked against the
 * rules.
 */
package org.chancery.observation;
