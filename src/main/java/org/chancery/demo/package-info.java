/**
 * The {@code demo} profile: the Cuba–South Korea story (README.md), loaded at start-up through
 * the same services as the API, so the rules check it.
 */
package org.chancery.demo;
