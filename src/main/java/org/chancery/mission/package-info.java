/**
 * Missions (embassies, provisional and liaison offices, interests sections, consular posts), their
 * lifecycle and their heads, under the Vienna Conventions' rules R5–R16.
 */
package org.chancery.mission;
