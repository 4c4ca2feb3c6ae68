/**
 * Meetings between diplomats of two or more countries, and the queries the relation view and the
 * timeline ask about the meetings of a pair of countries.
 */
package org.chancery.meeting;
