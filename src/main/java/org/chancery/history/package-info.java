/**
 * Real diplomatic history loaded through the rules: the COW state codes mapped to Chancery's
 * countries, and Kenkel's U.S. mission status data as an import format (and the {@code history}
 * profile that loads it at the first start).
 */
package org.chancery.history;
