/**
 * Relations between two countries: dated events on a diplomatic and a consular track, the state
 * machine they follow (R1, R2) and the state derived from them.
 */
package org.chancery.relation;
