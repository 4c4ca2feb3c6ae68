/**
 * Diplomats: the people who meet and head missions, each of one country.
 */
package org.chancery.diplomat;
