/**
 * The read side that joins the other modules: the relation view (state, events, missions,
 * milestones, meetings as of a day) and the relation timeline.
 */
package org.chancery.timeline;
