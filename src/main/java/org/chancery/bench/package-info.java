/**
 * The {@code bench} profile: a deterministic synthetic world at the scale of the whole world
 * (relations, missions, diplomats, meetings, milestones), valid by construction under the rules of
 * API.md and written with JDBC batches into an empty database, for {@code bench/run.sh}.
 */
package org.chancery.bench;
